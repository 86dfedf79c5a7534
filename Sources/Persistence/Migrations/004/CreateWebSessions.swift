import FluentKit

/// Browser sessions and the sign-in throttle, in the database so that several instances share them.
struct CreateWebSessions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(WebSessionModel.schema)
            .id()
            .field("user_id", .uuid, .required, .references(UserModel.schema, .id, onDelete: .cascade))
            .field("token_hash", .string, .required)
            .field("csrf_token", .string, .required)
            .field("created_at", .datetime, .required)
            .field("last_seen_at", .datetime, .required)
            .unique(on: "token_hash")
            .create()
        try await database.schema(LoginThrottleModel.schema)
            .id()
            .field("key", .string, .required)
            .field("failures", .int, .required)
            .field("last_failure_at", .datetime, .required)
            .field("blocked_until", .datetime)
            .unique(on: "key")
            .create()
    }

    // Signs everyone out and forgets failed attempts.
    func revert(on database: any Database) async throws {
        try await database.schema(LoginThrottleModel.schema).delete()
        try await database.schema(WebSessionModel.schema).delete()
    }
}
