import Vapor

/// `anslut migrate`: brings the schema up to date without asking, and says where.
struct AnslutMigrateCommand: AsyncCommand {
    struct Signature: CommandSignature {
        init() {}
    }

    var help: String { "Creates or updates the database schema (SQLite file or DATABASE_URL)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        try await context.application.prepareStorage()
        let location = context.application.databaseChoice?.location ?? "?"
        context.console.print("Database up to date: \(location)")
    }
}
