import FluentKit
import SQLKit

/// `api_tokens.last_used_at`: when a bearer token last signed a request in, so its owner can tell a token
/// in use from a forgotten one before revoking it; plus an index for listing a user's tokens.
struct AddTokenLastUsed: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(APITokenModel.schema).field("last_used_at", .datetime).update()
        try await database.sql.create(index: "api_tokens_user_idx").on(APITokenModel.schema).column("user_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql.drop(index: "api_tokens_user_idx").run()
        try await database.schema(APITokenModel.schema).deleteField("last_used_at").update()
    }
}
