import Domain
import FluentKit
import FluentSQLiteDriver
import SQLKit
import Synchronization

/// The outcome of re-computing the audit chain.
public struct AuditVerificationReport: Sendable, Equatable {
    /// Events found intact, from sequence 1 on.
    public let checked: Int64
    /// The hash of the last intact event: keep it elsewhere to detect later truncation of the chain.
    public let headHash: String
    /// The first bad event, when there is one.
    public let failure: AuditChainVerifier.Break?

    public var intact: Bool { failure == nil }
}

/// Re-computes the whole audit chain from the stored rows, in sequence order and in constant memory.
public enum AuditVerification {
    /// Reads the chain `chunkSize` rows per query: key ranges keep memory flat and let a break stop the
    /// walk early.
    public static func verify(on database: any Database, chunkSize: Int = 20_000) async throws
        -> AuditVerificationReport
    {
        let walk = ChainWalk()
        var after: Int64 = 0
        while true {
            let rows: Int
            switch database.engine {
            case .sqlite: rows = try await readSQLiteChunk(after: after, limit: chunkSize, from: database, into: walk)
            case .postgres: rows = try await readSQLChunk(after: after, limit: chunkSize, from: database, into: walk)
            }
            let progress = walk.state.withLock { ($0.lastSeen, $0.failure) }
            if progress.1 != nil || rows < chunkSize { break }
            after = progress.0
        }
        return walk.state.withLock {
            AuditVerificationReport(checked: $0.verifier.checked, headHash: $0.verifier.headHash, failure: $0.failure)
        }
    }

    // SQLiteNIO's own connection hands each row to the closure on its worker thread; the generic SQLKit path
    // schedules a task per row and decodes through Codable, which is several times slower on long chains.
    private static func readSQLiteChunk(after: Int64, limit: Int, from database: any Database, into walk: ChainWalk)
        async throws -> Int
    {
        guard let sqlite = database as? any SQLiteDatabase else {
            preconditionFailure("The SQLite driver's database is a SQLiteDatabase")
        }
        let query = """
            SELECT \(AuditEventsTable.columns) FROM \(AuditEventsTable.name)
            WHERE sequence > ?1 ORDER BY sequence LIMIT \(limit)
            """
        return try await sqlite.withConnection { connection in
            let rows = Mutex(0)
            try await connection.query(query, [.integer(Int(after))]) { row in
                rows.withLock { $0 += 1 }
                walk.check(
                    sequence: Int64(row.column("sequence")?.integer ?? -1),
                    occurredAt: row.column("occurred_at")?.string ?? "",
                    actor: row.column("actor")?.string ?? "",
                    action: row.column("action")?.string ?? "",
                    subject: row.column("subject")?.string ?? "",
                    payload: row.column("payload")?.string ?? "",
                    previousHash: row.column("previous_hash")?.string ?? "",
                    hash: row.column("hash")?.string ?? "")
            }
            return rows.withLock { $0 }
        }
    }

    private static func readSQLChunk(after: Int64, limit: Int, from database: any Database, into walk: ChainWalk)
        async throws -> Int
    {
        let rows = try await database.sql.raw(
            """
            SELECT \(unsafeRaw: AuditEventsTable.columns) FROM \(unsafeRaw: AuditEventsTable.name)
            WHERE sequence > \(bind: after) ORDER BY sequence LIMIT \(unsafeRaw: String(limit))
            """
        ).all()
        for row in rows {
            let event = try AuditLog.decodeEvent(row)
            walk.check(
                sequence: event.sequence, occurredAt: event.occurredAt, actor: event.actor, action: event.action,
                subject: event.subject, payload: event.payload, previousHash: event.previousHash, hash: event.hash)
        }
        return rows.count
    }
}

/// The verifier's state shared with the row callbacks, which SQLiteNIO calls from its own thread.
private final class ChainWalk: Sendable {
    struct State {
        var verifier = AuditChainVerifier()
        var failure: AuditChainVerifier.Break?
        var lastSeen: Int64 = 0
    }

    let state = Mutex(State())

    func check(
        sequence: Int64, occurredAt: String, actor: String, action: String, subject: String, payload: String,
        previousHash: String, hash: String
    ) {
        state.withLock { state in
            guard state.failure == nil else { return }
            state.lastSeen = sequence
            state.failure = state.verifier.check(
                sequence: sequence, occurredAt: occurredAt, actor: actor, action: action, subject: subject,
                payload: payload, previousHash: previousHash, hash: hash)
        }
    }
}
