import Foundation
import Vapor

/// `anslut demo [--hostname H] [--port P]`: the product with demo data, on the embedded SQLite default —
/// migrates, seeds an empty database with a user for every role and cases in several statuses, prints the
/// logins, then serves. A database that already has users is served as it is.
struct DemoCommand: AsyncCommand {
    typealias Signature = AnslutServeCommand.Signature

    var help: String { "Seeds demo users and cases (if the database has no users), prints the logins and serves." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.prepareStorage()
        if try await DemoData.isSeeded(app.store) {
            context.console.print("The database already has users; serving it as it is (no demo data added).")
        } else {
            try await DemoData.seed(app)
            let hostname = signature.hostname ?? app.http.server.configuration.hostname
            let port = signature.port ?? app.http.server.configuration.port
            context.console.print("Anslut demo: http://\(hostname):\(port)  (password for every user: \(DemoData.password))")
            for person in DemoData.people {
                let scope = person.platform ?? person.organisation?.name ?? ""
                context.console.print("  \(person.email.padding(toLength: 30, withPad: " ", startingAt: 0))"
                    + " \(person.role.rawValue.padding(toLength: 18, withPad: " ", startingAt: 0)) \(scope)")
            }
        }
        try await AnslutServeCommand().run(using: context, signature: signature)
    }
}
