import FluentKit
import SQLKit

/// A round trip to the database that proves it answers.
public enum StorageProbe {
    public static func ping(_ store: Store) async throws {
        try await store.database.sql.raw("SELECT 1").run()
    }
}
