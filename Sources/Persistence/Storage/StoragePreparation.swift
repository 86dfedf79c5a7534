import FluentKit
import Foundation

/// What must happen before the first query: a writable data folder and the SQLite pragmas that persist in
/// the file. Migrations follow.
public enum StoragePreparation {
    /// Creates the data folder when missing and proves it writable, so a bad folder fails with one clear
    /// line at start rather than with a driver error on the first write.
    public static func prepareDataDirectory(_ path: String) throws(StorageError) {
        let manager = FileManager.default
        do {
            try manager.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw .dataDirectoryUnusable(path: path, reason: Self.reason(error))
        }
        let probe = (path as NSString).appendingPathComponent(".write-probe-\(UUID().uuidString)")
        guard manager.createFile(atPath: probe, contents: Data()) else {
            throw .dataDirectoryUnusable(path: path, reason: "this user may not write to it")
        }
        try? manager.removeItem(atPath: probe)
    }

    /// Turns on write-ahead logging for a SQLite file, so readers never wait for the writer. The file
    /// remembers the mode; PostgreSQL needs nothing here.
    public static func enableWriteAheadLog(_ database: any Database) async throws {
        guard database.engine == .sqlite else { return }
        try await database.sql.raw("PRAGMA journal_mode=WAL").run()
    }

    /// Lets SQLite gather the planner's statistics where they are missing or stale (`PRAGMA optimize`, bounded
    /// in time by SQLite). Without them the planner prefers any index with an equality, and the staff's case
    /// list took the queue index (platform, status, submitted_at) and sorted every case of the platform: 37
    /// requests/s instead of 1,600 on 100,000 cases. PostgreSQL gathers its own.
    public static func refreshPlannerStatistics(_ store: Store) async throws {
        let database = store.database
        guard database.engine == .sqlite else { return }
        try await database.sql.raw("PRAGMA optimize=0x10002").run()
    }

    private static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError {
            return underlying.localizedDescription
        }
        return nsError.localizedDescription
    }
}
