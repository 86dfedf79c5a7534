import FluentKit
import SQLKit

/// The append-only audit trail. `sequence` is the chain position, set by the writer, never generated.
struct CreateAuditEvents: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AuditEventsTable.name)
            .field("sequence", .int64, .identifier(auto: false))
            .field("occurred_at", .string, .required)
            .field("actor", .string, .required)
            .field("action", .string, .required)
            .field("subject", .string, .required)
            .field("payload", .string, .required)
            .field("previous_hash", .string, .required)
            .field("hash", .string, .required)
            .create()
        try await database.sql.create(index: "audit_events_subject_idx")
            .on(AuditEventsTable.name).column("subject").run()
    }

    // Loses the whole audit trail; only for tearing down a test database.
    func revert(on database: any Database) async throws {
        try await database.schema(AuditEventsTable.name).delete()
    }
}

enum AuditEventsTable {
    static let name = "audit_events"
    static let columns = "sequence, occurred_at, actor, action, subject, payload, previous_hash, hash"
}
