import FluentKit
import SQLKit

/// A round trip to the database that proves it answers.
public enum StorageProbe {
    public static func ping(_ database: any Database) async throws {
        try await database.sql.raw("SELECT 1").run()
    }
}
