import Foundation
@testable import Persistence
import StorageTestSupport
import Testing

/// The traffic's commits without flushes leave the copying of SQLite's log into the database file to a thread of
/// their own; flushed ones checkpoint on the writer, as SQLite does.
@Suite("Checkpoints beside the traffic")
struct SQLiteCheckpointerTests {
    /// The database file's size: the rows reach it only through a checkpoint; before, they are in the log.
    private static func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
    }

    @Test("commits without flushes are copied into the database file off the writer's thread")
    func checkpointsBeside() async throws {
        guard TestEngine.current == .sqlite else { return }
        try await withTestStorage { storage in
            guard case .sqliteFile(let path) = storage.choice, let writer = storage.store.database.sqliteTraffic else {
                Issue.record("no SQLite traffic writer")
                return
            }
            try await storage.sql.raw("CREATE TABLE checkpoint_probe (id INTEGER PRIMARY KEY, body TEXT NOT NULL)").run()
            #expect(SQLiteCheckpointer.ownCheckpointPages(.processCrash) > SQLiteCheckpointer.ownCheckpointPages(.powerLoss))
            let body = String(repeating: "x", count: 3000)
            let before = Self.fileSize(path)
            // 450 KB, far below any connection's own checkpoint (4 MB for the driver's, 128 MB for the writer's).
            for round in 0..<3 {
                _ = try await writer.transaction(durability: .processCrash) { connection in
                    for _ in 0..<50 { try connection.execute("INSERT INTO checkpoint_probe (body) VALUES (?)", [.text(body)]) }
                    return round
                }
                try await Task.sleep(for: SQLiteCheckpointer.interval + .milliseconds(50))
            }
            var after = Self.fileSize(path)
            for _ in 0..<100 where after < before + 400_000 {
                try await Task.sleep(for: .milliseconds(20))
                after = Self.fileSize(path)
            }
            #expect(after >= before + 400_000, "the file grew from \(before) to \(after) bytes")
            let count = try await storage.sql.raw("SELECT count(*) AS n FROM checkpoint_probe").first()?.decode(column: "n", as: Int.self)
            #expect(count == 150)
        }
    }
}
