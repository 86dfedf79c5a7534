import FluentKit
import SQLKit

/// `system_accounts`: a connecting system's verification account on a case (MSH-3/MSH-4, allowed addresses,
/// status). `test_sessions`: an account's windows of verification traffic. `test_messages`: every message received,
/// its bytes, summary, findings and ACK, chained per session. One sender (environment, MSH-3, MSH-4) has at most one
/// account that is not revoked.
struct CreateVerificationTraffic: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(SystemAccountModel.schema)
            .id()
            .field("case_id", .uuid, .required, .references("cases", "id"))
            .field("environment", .string, .required)
            .field("hl7_sending_application", .string, .required)
            .field("hl7_sending_facility", .string, .required)
            .field("source_addresses", .string, .required)
            .field("status", .string, .required)
            .field("version", .int, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.raw("""
            CREATE UNIQUE INDEX system_accounts_sender ON system_accounts
            (environment, hl7_sending_application, hl7_sending_facility) WHERE status <> 'revoked'
            """).run()
        try await sql.raw("CREATE INDEX system_accounts_case ON system_accounts (case_id)").run()
        try await database.schema(TestSessionModel.schema)
            .id()
            .field("account_id", .uuid, .required, .references(SystemAccountModel.schema, "id"))
            .field("case_id", .uuid, .required, .references("cases", "id"))
            .field("profile_id", .string, .required)
            .field("profile_version", .int, .required)
            .field("profile_hash", .string, .required)
            .field("opened_at", .datetime, .required)
            .field("closed_at", .datetime)
            .field("head_hash", .string, .required)
            .field("message_count", .int, .required)
            .create()
        try await sql.raw("CREATE INDEX test_sessions_account ON test_sessions (account_id, closed_at)").run()
        try await database.schema(TestMessageModel.schema)
            .id()
            .field("session_id", .uuid, .required, .references(TestSessionModel.schema, "id"))
            .field("sequence", .int, .required)
            .field("received_at", .datetime, .required)
            .field("sha256", .string, .required)
            .field("raw", .data, .required)
            .field("summary", .string, .required)
            .field("findings", .string, .required)
            .field("ack", .data, .required)
            .field("ack_code", .string, .required)
            .field("control_id", .string, .required)
            .field("hash", .string, .required)
            .unique(on: "session_id", "sequence")
            .create()
        try await sql.raw("CREATE INDEX test_messages_control ON test_messages (session_id, control_id)").run()
    }

    // Loses every verification account and all traffic received.
    func revert(on database: any Database) async throws {
        try await database.schema(TestMessageModel.schema).delete()
        try await database.schema(TestSessionModel.schema).delete()
        try await database.schema(SystemAccountModel.schema).delete()
    }
}
