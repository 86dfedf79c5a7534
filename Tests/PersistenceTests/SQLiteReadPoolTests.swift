import Domain
import FluentKit
import Logging
import NIOPosix
@_spi(Tests) @testable import Persistence
import SQLKit
import StorageTestSupport
import Testing

/// `Database.rows` reads SQLite through its own pool of read-only connections outside transactions. These hold
/// it to what reads through the driver did, on either engine.
@Suite("Hot reads")
struct SQLiteReadPoolTests {
    private static func bodies(_ db: any Database) async throws -> [String] {
        try await db.rows("SELECT body FROM read_probe ORDER BY id" as SQLQueryString) { try $0.string("body") }
    }

    @Test("a write's own reads see its rows; other reads see them once it commits, and not after a rollback")
    func readYourWrites() async throws {
        struct Refused: Error {}
        try await withTestStorage { storage in
            try await storage.sql.raw("CREATE TABLE read_probe (id INTEGER PRIMARY KEY, body TEXT NOT NULL)").run()
            try await storage.store.write(clock: SystemClock()) { tx in
                try await tx.database.sql.raw("INSERT INTO read_probe VALUES (1, 'ett')").run()
                #expect(try await Self.bodies(tx.database) == ["ett"])
                // Another request's read, outside the write's task, through the read pool. (On PostgreSQL it
                // could wait for the connection the write holds: the test's pool has one per event loop.)
                if TestEngine.current == .sqlite {
                    #expect(try await Task.detached { try await Self.bodies(storage.store.database) }.value == [])
                }
            }
            #expect(try await Self.bodies(storage.store.database) == ["ett"])
            await #expect(throws: Refused.self) {
                try await storage.store.write(clock: SystemClock()) { tx in
                    try await tx.database.sql.raw("INSERT INTO read_probe VALUES (2, 'två')").run()
                    #expect(try await Self.bodies(tx.database) == ["ett", "två"])
                    throw Refused()
                }
            }
            #expect(try await Self.bodies(storage.store.database) == ["ett"])
        }
    }

    @Test("a kept statement reads the table as it is after a schema change")
    func schemaChange() async throws {
        try await withTestStorage { storage in
            try await storage.sql.raw("CREATE TABLE read_probe (id INTEGER PRIMARY KEY, body TEXT NOT NULL)").run()
            try await storage.sql.raw("INSERT INTO read_probe VALUES (1, 'ett')").run()
            let everything = "SELECT * FROM read_probe" as SQLQueryString
            let before = try await storage.store.database.rows(everything) { try $0.string("body") }
            #expect(before == ["ett"])
            try await storage.sql.raw("ALTER TABLE read_probe ADD COLUMN note TEXT").run()
            try await storage.sql.raw("UPDATE read_probe SET note = 'ny'").run()
            let after = try await storage.store.database.rows(everything) { try $0.optionalString("note") }
            #expect(after == ["ny"])
        }
    }

    @Test("a failing statement or a missing column is an error, and reading goes on afterwards")
    func failure() async throws {
        try await withTestStorage { storage in
            await #expect(throws: (any Error).self) {
                try await storage.store.database.rows("SELECT * FROM no_such_table" as SQLQueryString) { _ in 0 }
            }
            let answers = try await storage.store.database.rows("SELECT 41 + 1 AS answer" as SQLQueryString) { try $0.int("answer") }
            #expect(answers == [42])
            await #expect(throws: (any Error).self) {
                try await storage.store.database.rows("SELECT 1 AS one" as SQLQueryString) { try $0.int("two") }
            }
            // A parameter without a value is refused, never read with the value bound before.
            let one = try await storage.store.database.rows("SELECT \(bind: 1) AS one" as SQLQueryString) { try $0.int("one") }
            #expect(one == [1])
            await #expect(throws: (any Error).self) {
                try await storage.store.database.rows(SQLRaw("SELECT $1 AS one")) { try $0.int("one") }
            }
        }
    }

    @Test("text is read byte for byte, NUL included", .enabled(if: TestEngine.current == .sqlite))
    func textWithNUL() async throws {
        try await withTestStorage { storage in
            try await storage.sql.raw("CREATE TABLE read_probe (id INTEGER PRIMARY KEY, body TEXT NOT NULL)").run()
            let text = "före\u{0}efter – å"
            try await storage.sql.raw("INSERT INTO read_probe VALUES (1, \(bind: text))").run()
            #expect(try await Self.bodies(storage.store.database) == [text])
        }
    }

    @Test("text, reals and other types convert through the pool as through the driver",
          .enabled(if: TestEngine.current == .sqlite))
    func conversionsMatchTheDriver() async throws {
        try await withTestStorage { storage in
            // No declared types, so SQLite keeps each value as given.
            try await storage.sql.raw("CREATE TABLE read_probe (id INTEGER PRIMARY KEY, body, stamp)").run()
            try await storage.sql.raw(
                """
                INSERT INTO read_probe VALUES (1, 'ett', 1790000000.5), (2, NULL, 1790000000),
                    (3, 42, '2026-11-23T07:05:13Z'), (4, 4.5, NULL), (5, X'C3A5', 'inget datum')
                """).run()
            let query = "SELECT body, stamp FROM read_probe ORDER BY id" as SQLQueryString
            @Sendable func read(_ db: any Database) async throws -> [String] {
                try await db.rows(query) { row in
                    let body = Result { try row.optionalString("body") }
                    let text = Result { try row.string("body") }
                    let stamp = Result { try row.optionalDate("stamp") }
                    return "\(body) \(text) \(stamp)"
                }
            }
            let pooled = try await read(storage.store.database)
            // Inside a write, reads go through the driver's connection and SQLiteNIO's rows.
            let driven = try await storage.store.write(clock: SystemClock()) { tx in try await read(tx.database) }
            #expect(pooled.count == 5)
            #expect(pooled.first == #"success(Optional("ett")) success("ett") success(Optional(2026-09-21 14:13:20 +0000))"#)
            #expect(pooled == driven)
        }
    }

    @Test("many readers at once each get their own rows")
    func concurrentReaders() async throws {
        try await withTestStorage { storage in
            try await storage.sql.raw("CREATE TABLE read_probe (id INTEGER PRIMARY KEY, body TEXT NOT NULL)").run()
            for id in 1...20 {
                try await storage.sql.raw("INSERT INTO read_probe VALUES (\(bind: id), \(bind: "rad \(id)"))").run()
            }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for reader in 0..<32 {
                    group.addTask {
                        for round in 0..<20 {
                            let id = (reader + round) % 20 + 1
                            let found = try await storage.store.database.rows(
                                "SELECT body FROM read_probe WHERE id = \(bind: id)" as SQLQueryString
                            ) { try $0.string("body") }
                            #expect(found == ["rad \(id)"])
                        }
                    }
                }
                try await group.waitForAll()
            }
        }
    }
}
