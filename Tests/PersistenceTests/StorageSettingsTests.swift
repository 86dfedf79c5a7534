@_spi(Tests) import Persistence
import SQLKit
import StorageTestSupport
import Testing

@Suite("Storage settings")
struct StorageSettingsTests {
    @Test("SQLite runs with write-ahead logging and foreign keys enforced")
    func sqlitePragmas() async throws {
        try await withTestStorage { storage in
            guard storage.store.engine == .sqlite else { return }
            let sql = storage.sql
            let mode = try await sql.raw("PRAGMA journal_mode").first(decoding: [String: String].self)
            #expect(mode?["journal_mode"] == "wal")
            let keys = try await sql.raw("PRAGMA foreign_keys").first(decoding: [String: Int].self)
            #expect(keys?["foreign_keys"] == 1)
        }
    }

    @Test("a row pointing at a missing parent is refused on both engines")
    func foreignKeysEnforced() async throws {
        try await withTestStorage { storage in
            let sql = storage.sql
            await #expect(throws: (any Error).self) {
                try await sql.raw(
                    """
                    INSERT INTO user_roles (id, user_id, role, platform)
                    VALUES ('00000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-0000000000ff', 'admin', NULL)
                    """
                ).run()
            }
        }
    }

    @Test("a malformed DATABASE_URL is refused with the reason", arguments: [
        ("mysql://h/db", "postgres://"), ("postgres://", "no host"), ("postgres://h:0/db", "outside 1-65535"),
    ])
    func malformedURL(url: String, reason: String) {
        #expect(throws: StorageError.self) { try DatabaseChoice.from(databaseURL: url, dataDirectory: "/tmp") }
        do {
            _ = try DatabaseChoice.from(databaseURL: url, dataDirectory: "/tmp")
        } catch {
            #expect(error.description.contains(reason), "\(error.description)")
        }
    }

    @Test("no DATABASE_URL means the SQLite file in the data folder")
    func defaultChoice() throws {
        #expect(try DatabaseChoice.from(databaseURL: nil, dataDirectory: "./data") == .sqliteFile(path: "./data/anslut.sqlite"))
        #expect(try DatabaseChoice.from(databaseURL: " ", dataDirectory: "d") == .sqliteFile(path: "d/anslut.sqlite"))
        #expect(try DatabaseChoice.from(databaseURL: "postgresql://u:p@db:5432/anslut", dataDirectory: "d").engine == .postgres)
    }
}
