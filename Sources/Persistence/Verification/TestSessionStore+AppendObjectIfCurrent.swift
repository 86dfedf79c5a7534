import Domain
import FluentKit
import FluentSQLiteDriver
import Foundation
import SQLKit

extension TestSessionStore {
    /// A DICOM object's summary and findings as `objects(of:)` reads them back, encoded where the object is checked
    /// rather than inside its write.
    public struct ObjectJSON: Sendable {
        public let summary: String
        public let findings: String

        public init(summary: DICOMObjectSummary, findings: [VerificationFinding]) throws {
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            self.summary = String(decoding: try encoder.encode(summary), as: UTF8.self)
            self.findings = String(decoding: try encoder.encode(findings), as: UTF8.self)
        }
    }

    /// Appends `object` to `session` (whose `messageCount` and `headHash` the caller advanced to it, and whose DICOM
    /// profile is set already) in a transaction of its own, committed to survive `durability`, if `expected` still
    /// holds: the account active at the same version (a change of its AE titles or addresses moves the version),
    /// its case at the same status, phase and definition, the session open at the expected count. Returns false,
    /// having stored nothing, when anything changed; the caller then stores the object the long way, in a
    /// transaction that reads everything again.
    ///
    /// The DICOM receiver's hot path (BENCHMARKS.md, DICOM receiving over the network): the long way read the
    /// account, its titles, its case and its session through Fluent, then wrote the object and the session through
    /// Fluent models, about 4 ms an object of model reflection, SQL building and hops between threads. Here it is
    /// one hop to the traffic's own SQLite connection on statements prepared once, or one statement on PostgreSQL.
    public static func appendIfCurrent(
        _ object: ReceivedDICOMObject, json: ObjectJSON, to session: TestSession, expected: TrafficExpectation,
        durability: CommitDurability, on store: Store
    ) async throws -> Bool {
        guard session.dicomProfile != nil else { return false }
        if let writer = store.database.sqliteTraffic {
            return try await appendOnSQLite(object, json, to: session, expected: expected, durability: durability, writer)
        }
        return try await appendOnPostgres(object, json, to: session, expected: expected, durability: durability, store.database)
    }

    private static func appendOnSQLite(
        _ object: ReceivedDICOMObject, _ json: ObjectJSON, to session: TestSession, expected: TrafficExpectation,
        durability: CommitDurability, _ writer: SQLiteTrafficWriter
    ) async throws -> Bool {
        let uuid = { (id: UUID) in SQLiteData.text(UUIDText.string(id)) }
        let current = SQLiteTrafficStatements.currentBinds(session, expected)
        let row: [SQLiteData] = [
            uuid(UUID()), uuid(session.id), .integer(object.sequence), try SQLiteDataEncoder().encode(object.receivedAt),
            .text(object.sha256), .integer(object.summary.size), .text(json.summary), .text(json.findings),
            .text(object.status), .text(object.hash),
        ]
        let head: [SQLiteData] = [.text(session.headHash), .integer(session.messageCount), uuid(session.id)]
        return try await writer.transaction(durability: durability) { connection in
            guard try !connection.rows(SQLiteTrafficStatements.current, current, { _ in () }).isEmpty else { return nil }
            try connection.execute(SQLiteObjectStatements.insert, row)
            try connection.execute(SQLiteTrafficStatements.advance, head)
            return true
        } ?? false
    }

    private static func appendOnPostgres(
        _ object: ReceivedDICOMObject, _ json: ObjectJSON, to session: TestSession, expected: TrafficExpectation,
        durability: CommitDurability, _ database: any Database
    ) async throws -> Bool {
        // One statement, as `appendIfCurrent` for HL7 has it: checking, locking the session's row, moving its head
        // and inserting, committed as one.
        let row = try await database.sql.raw("""
            WITH current AS (
                \(postgresCurrentSession(session, expected))
                FOR UPDATE OF s
            ), moved AS (
                UPDATE test_sessions SET head_hash = \(bind: session.headHash), message_count = \(bind: session.messageCount)
                WHERE id IN (SELECT id FROM current) RETURNING id
            ), stored AS (
                INSERT INTO test_objects (id, session_id, sequence, received_at, sha256, size, summary, findings, status, hash)
                SELECT \(bind: UUID()), moved.id, \(bind: object.sequence), \(bind: object.receivedAt), \
                \(bind: object.sha256), \(bind: Int64(object.summary.size)), \(bind: json.summary), \(bind: json.findings), \
                \(bind: object.status), \(bind: object.hash)
                FROM moved
            )
            SELECT count(*) AS moved, set_config('synchronous_commit', \(bind: durability.postgresSynchronousCommit), true)
            FROM moved
            """).first()
        return try row?.decode(column: "moved", as: Int.self) == 1
    }
}

/// The DICOM statement of `appendIfCurrent` on SQLite, prepared once on the traffic's connection.
private enum SQLiteObjectStatements {
    static let insert = """
        INSERT INTO test_objects (id, session_id, sequence, received_at, sha256, size, summary, findings, status, hash) \
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """
}
