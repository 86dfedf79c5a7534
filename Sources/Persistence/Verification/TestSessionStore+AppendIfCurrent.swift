import Domain
import FluentKit
import FluentSQLiteDriver
import Foundation
import SQLKit

/// What a batch of HL7 messages was planned on, outside any transaction: the sender's account and its case as
/// they stood, and the session's head. `TestSessionStore.appendIfCurrent` stores the batch only while all of it
/// still holds.
public struct TrafficExpectation: Sendable {
    /// The account, at its version; it takes traffic only while it is active.
    public let account: SystemAccount
    /// Its case as it stood: status, phase and pinned definition.
    public let caseStanding: CaseStore.Standing
    /// The session's message count the batch continues from (its head is the chain's entry of that number).
    public let previousCount: Int
    /// The batch's control ids: none of them may be in the session already (a repeat is answered with its first
    /// ACK, which only the transaction's read can find).
    public let controlIDs: [String]

    public init(account: SystemAccount, caseStanding: CaseStore.Standing, previousCount: Int, controlIDs: [String]) {
        self.account = account
        self.caseStanding = caseStanding
        self.previousCount = previousCount
        self.controlIDs = controlIDs
    }
}

extension TestSessionStore {
    /// Appends `arrivals` to `session` (whose `messageCount` and `headHash` the caller advanced past the last) in
    /// a transaction of its own, committed to survive `durability`, if `expected` still holds: the account active
    /// at the same version, its case at the same status, phase and definition, the session open at the expected
    /// count, and none of the control ids received in it. Returns false, having stored nothing, when anything
    /// changed; the caller then writes the batch the long way, in a transaction that reads everything again.
    ///
    /// This is the verification traffic's hot path (BENCHMARKS.md, MLLP end to end): on SQLite the whole batch is
    /// one hop to the traffic's own connection (`SQLiteTrafficWriter`); on PostgreSQL it is one statement, so one
    /// round trip, whose implicit transaction is its commit.
    public static func appendIfCurrent(
        _ arrivals: [Arrival], to session: TestSession, expected: TrafficExpectation, durability: CommitDurability,
        on store: Store
    ) async throws -> Bool {
        guard !arrivals.isEmpty else { return true }
        if let writer = store.database.sqliteTraffic {
            return try await appendOnSQLite(arrivals, to: session, expected: expected, durability: durability, writer)
        }
        return try await appendOnPostgres(arrivals, to: session, expected: expected, durability: durability, store.database)
    }

    private static func appendOnSQLite(
        _ arrivals: [Arrival], to session: TestSession, expected: TrafficExpectation, durability: CommitDurability,
        _ writer: SQLiteTrafficWriter
    ) async throws -> Bool {
        let encoder = SQLiteDataEncoder()
        let uuid = { (id: UUID) in SQLiteData.text(UUIDText.string(id)) }
        let current = SQLiteTrafficStatements.currentBinds(session, expected)
        let controlIDs = expected.controlIDs.map { [uuid(session.id), SQLiteData.text($0)] }
        var rows: [[SQLiteData]] = []
        rows.reserveCapacity(arrivals.count)
        for arrival in arrivals {
            let message = arrival.message
            rows.append([
                uuid(TimeOrderedUUID.make(at: message.receivedAt)), uuid(session.id), .integer(message.sequence),
                try encoder.encode(message.receivedAt),
                .text(message.sha256), try encoder.encode(Data(arrival.raw)), .text(arrival.json.summary),
                .text(arrival.json.findings), try encoder.encode(Data(arrival.ack)),
                .text(message.acknowledgement.rawValue), .text(message.summary.controlID), .text(message.hash),
            ])
        }
        let head: [SQLiteData] = [.text(session.headHash), .integer(session.messageCount), uuid(session.id)]
        return try await writer.transaction(durability: durability) { [rows] connection in
            guard try !connection.rows(SQLiteTrafficStatements.current, current, { _ in () }).isEmpty else { return nil }
            for binds in controlIDs where try !connection.rows(SQLiteTrafficStatements.received, binds, { _ in () }).isEmpty {
                return nil
            }
            for row in rows { try connection.execute(SQLiteTrafficStatements.insert, row) }
            try connection.execute(SQLiteTrafficStatements.advance, head)
            return true
        } ?? false
    }

    private static func appendOnPostgres(
        _ arrivals: [Arrival], to session: TestSession, expected: TrafficExpectation, durability: CommitDurability,
        _ database: any Database
    ) async throws -> Bool {
        let controlIDs: [any Encodable & Sendable] = expected.controlIDs.isEmpty ? [""] : expected.controlIDs
        // One statement: checking, locking the session's row (a concurrent append of another instance either
        // commits first, and the count no longer matches, or waits), moving its head and inserting, committed as
        // one. `synchronous_commit` set for this statement's own transaction. Not a named prepared statement: its
        // generic plan, made while a fresh database's tables were empty, looked the control ids up by scanning the
        // session's messages, and a fresh database's traffic slowed to a quarter (BENCHMARKS.md, MLLP end to end).
        let row = try await database.sql.raw("""
            WITH current AS (
                \(postgresCurrentSession(session, expected))
                    AND NOT EXISTS (
                        SELECT 1 FROM test_messages m WHERE m.session_id = s.id AND m.control_id IN (\(binds: controlIDs)))
                FOR UPDATE OF s
            ), moved AS (
                UPDATE test_sessions SET head_hash = \(bind: session.headHash), message_count = \(bind: session.messageCount)
                WHERE id IN (SELECT id FROM current) RETURNING id
            ), stored AS (
                INSERT INTO test_messages (id, session_id, sequence, received_at, sha256, raw, summary, findings, ack, \
                ack_code, control_id, hash)
                SELECT * FROM (VALUES \(messageRows(arrivals, in: session))) AS v WHERE EXISTS (SELECT 1 FROM moved)
            )
            SELECT count(*) AS moved, set_config('synchronous_commit', \(bind: durability.postgresSynchronousCommit), true)
            FROM moved
            """).first()
        return try row?.decode(column: "moved", as: Int.self) == 1
    }
}

extension TestSessionStore {
    /// The id of `session` while it, its account and its case stand as `expected` has them (PostgreSQL): the
    /// check both appends make in their one statement, before they lock the session's row.
    static func postgresCurrentSession(_ session: TestSession, _ expected: TrafficExpectation) -> SQLQueryString {
        let standing = expected.caseStanding
        return """
            SELECT s.id FROM test_sessions s
            JOIN system_accounts a ON a.id = s.account_id
            JOIN cases c ON c.id = a.case_id
            WHERE s.id = \(bind: session.id) AND s.closed_at IS NULL AND s.message_count = \(bind: expected.previousCount)
                AND a.id = \(bind: expected.account.id) AND a.version = \(bind: expected.account.version)
                AND a.status = \(bind: SystemAccount.Status.active.rawValue)
                AND c.status = \(bind: standing.status.rawValue) AND c.current_phase = \(bind: standing.currentPhase.rawValue)
                AND c.definition_id = \(bind: standing.definition.id.rawValue)
                AND c.definition_version = \(bind: standing.definition.version)
                AND c.definition_hash = \(bind: standing.definition.contentHash)
            """
    }
}

/// The statements of `appendIfCurrent` on SQLite, prepared once on the traffic's connection.
enum SQLiteTrafficStatements {
    /// The binds of `current`.
    static func currentBinds(_ session: TestSession, _ expected: TrafficExpectation) -> [SQLiteData] {
        let standing = expected.caseStanding
        return [
            .text(UUIDText.string(session.id)), .integer(expected.previousCount), .text(UUIDText.string(expected.account.id)),
            .integer(expected.account.version), .text(SystemAccount.Status.active.rawValue),
            .text(standing.status.rawValue), .text(standing.currentPhase.rawValue),
            .text(standing.definition.id.rawValue), .integer(standing.definition.version),
            .text(standing.definition.contentHash),
        ]
    }

    /// A row while the session, its account and its case stand as expected.
    static let current = """
        SELECT 1 FROM test_sessions s
        JOIN system_accounts a ON a.id = s.account_id
        JOIN cases c ON c.id = a.case_id
        WHERE s.id = ? AND s.closed_at IS NULL AND s.message_count = ?
            AND a.id = ? AND a.version = ? AND a.status = ?
            AND c.status = ? AND c.current_phase = ? AND c.definition_id = ? AND c.definition_version = ?
            AND c.definition_hash = ?
        """
    /// A row when the session has received the control id.
    static let received = "SELECT 1 FROM test_messages WHERE session_id = ? AND control_id = ? LIMIT 1"
    static let insert = """
        INSERT INTO test_messages (id, session_id, sequence, received_at, sha256, raw, summary, findings, ack, ack_code, \
        control_id, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """
    static let advance = "UPDATE test_sessions SET head_hash = ?, message_count = ? WHERE id = ?"
}
