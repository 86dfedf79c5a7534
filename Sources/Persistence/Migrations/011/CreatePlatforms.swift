import FluentKit
import SQLKit

/// `platforms`: each platform as a row of its own, with the settings an admin edits (name, contact address,
/// the settings document) and a version for concurrent edits. Rows for the platforms that already have
/// published definitions are made when the processes folder is next published.
struct CreatePlatforms: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PlatformModel.schema)
            .field("code", .string, .identifier(auto: false))
            .field("name", .string, .required)
            .field("contact_email", .string)
            .field("settings", .string, .required)
            .field("version", .int, .required)
            .field("updated_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PlatformModel.schema).delete()
    }
}
