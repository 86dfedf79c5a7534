import Persistence
import Vapor

/// `anslut audit …`: commands on the audit trail.
struct AuditCommands: AsyncCommandGroup {
    var commands: [String: any AnyAsyncCommand] { ["verify": AuditVerifyCommand()] }
    var help: String { "Commands on the hash-chained audit trail." }
}

/// `anslut audit verify`: re-computes the chain. Exit 0 with the count when intact; exit 1 naming the first
/// bad event when a row was edited, deleted, inserted or reordered in the database.
struct AuditVerifyCommand: AsyncCommand {
    struct Signature: CommandSignature {
        init() {}
    }

    var help: String { "Re-computes the audit hash chain and reports the first broken event." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.prepareStorage(migrate: false)
        let report = try await AuditVerification.verify(on: app.store)
        if let failure = report.failure {
            throw CommandExit(
                status: 1,
                message: "Audit chain BROKEN at sequence \(failure.sequence): \(failure)."
                    + " \(report.checked) events before it are intact.")
        }
        context.console.print("Audit chain intact: \(report.checked) events; head \(report.headHash)")
    }
}
