import FluentKit

/// A closed test session's protocol, frozen as canonical JSON with its hash.
struct AddTestProtocols: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite's ALTER TABLE adds one at a time.
        try await database.schema(TestSessionModel.schema).field("protocol", .string).update()
        try await database.schema(TestSessionModel.schema).field("protocol_hash", .string).update()
    }

    // Loses the frozen protocols; the sessions and their messages stay.
    func revert(on database: any Database) async throws {
        try await database.schema(TestSessionModel.schema).deleteField("protocol_hash").update()
        try await database.schema(TestSessionModel.schema).deleteField("protocol").update()
    }
}
