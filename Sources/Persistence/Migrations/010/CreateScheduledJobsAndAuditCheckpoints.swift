import FluentKit
import SQLKit

/// `scheduled_jobs`: when each scheduled job last ran successfully, so "once a day" holds across restarts and
/// instances. `audit_checkpoints`: signed heads of the audit chain, kept outside the chain they sign.
struct CreateScheduledJobsAndAuditCheckpoints: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ScheduledJobsTable.name)
            .field("name", .string, .identifier(auto: false))
            .field("last_run_at", .datetime, .required)
            .create()
        try await database.schema(AuditCheckpointsTable.name)
            .field("sequence", .int64, .identifier(auto: false))
            .field("head_hash", .string, .required)
            .field("signed_at", .string, .required)
            .field("public_key", .string, .required)
            .field("signature", .string, .required)
            .create()
    }

    // Loses the signed checkpoints; a later verify then checks the chain alone.
    func revert(on database: any Database) async throws {
        try await database.schema(AuditCheckpointsTable.name).delete()
        try await database.schema(ScheduledJobsTable.name).delete()
    }
}

enum ScheduledJobsTable {
    static let name = "scheduled_jobs"
}

enum AuditCheckpointsTable {
    static let name = "audit_checkpoints"
    static let columns = "sequence, head_hash, signed_at, public_key, signature"
}
