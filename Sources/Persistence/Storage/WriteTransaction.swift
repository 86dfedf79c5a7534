import Domain
import FluentKit
import Foundation
import SQLKit

/// A database transaction that changes state. It is the only place an audit event can be written, so every
/// change and the event that records it commit or roll back together.
public struct WriteTransaction: Sendable {
    /// The transaction's connection: run the change's queries on it.
    public let database: any Database
    let clock: any WallClock

    /// The transaction's time, on the configured clock.
    public var now: Date { clock.now() }

    /// Appends `draft` to the audit chain inside this transaction and returns the sealed event.
    @discardableResult
    public func audit(_ draft: AuditEventDraft) async throws -> AuditEvent {
        try await AuditTrail.append(draft, at: clock.now(), in: database)
    }
}

extension Database {
    // Any fixed 64-bit number works; this one spells "anslaudi" so it is recognisable in pg_locks.
    private static var writerLockKey: Int64 { 0x616e_736c_6175_6469 }

    /// Runs `work` in one transaction that writers take turns at. Not reentrant: `work` must not call
    /// `write` again.
    ///
    /// Every change writes an audit event, and the chain has one head, so writers are serialised anyway; taking
    /// the turn at the start rather than at the audit append also makes every read-then-write inside `work`
    /// (a case number, a version check) safe without retries. On SQLite the transaction begins with
    /// `BEGIN IMMEDIATE`, which takes the write lock before the first read (a deferred transaction that reads
    /// and then writes fails with `SQLITE_BUSY` when another connection wrote in between). On PostgreSQL it
    /// takes a transaction-scoped advisory lock, which holds across instances sharing the database.
    ///
    /// `durability` is what the commit survives once this returns (see `CommitDurability`).
    @discardableResult
    public func write<T: Sendable>(
        clock: any WallClock, durability: CommitDurability = .powerLoss,
        _ work: @escaping @Sendable (WriteTransaction) async throws -> T
    ) async throws -> T {
        switch engine {
        case .postgres:
            return try await transaction { database in
                switch durability {
                case .powerLoss:
                    try await database.sql.raw("SELECT pg_advisory_xact_lock(\(bind: Self.writerLockKey))").run()
                case .processCrash:
                    // SET LOCAL synchronous_commit = off, in the lock's round trip; it ends with the transaction.
                    try await database.sql.raw(
                        "SELECT pg_advisory_xact_lock(\(bind: Self.writerLockKey)), set_config('synchronous_commit', 'off', true)"
                    ).run()
                }
                return try await work(WriteTransaction(database: database, clock: clock))
            }
        case .sqlite:
            // Writers of this process queue here, suspended, before they take a connection: one waiting inside
            // BEGIN IMMEDIATE would sleep on one of the few threads every SQLite call shares. busy_timeout is
            // left for another process (an `anslut user create` beside a running server).
            return try await sqliteWriters.withLock {
                try await self.writeOnSQLite(clock: clock, durability: durability, work)
            }
        }
    }

    private func writeOnSQLite<T: Sendable>(
        clock: any WallClock, durability: CommitDurability,
        _ work: @escaping @Sendable (WriteTransaction) async throws -> T
    ) async throws -> T {
        try await withConnection { connection in
            let sql = connection.sql
            // Per connection, and replaces the driver's busy handler, which retries without pausing.
            try await sql.raw("PRAGMA busy_timeout = 10000").run()
            // Per connection too, and it cannot change inside a transaction: every write sets its own, so one that
            // chose `.processCrash` leaves nothing behind for the next write on this connection.
            try await sql.raw("PRAGMA synchronous = \(unsafeRaw: durability.sqliteSynchronous)").run()
            try await sql.raw("BEGIN IMMEDIATE").run()
            do {
                // The transaction is begun by hand, so the connection does not know it is in one.
                let result = try await SQLiteReadPool.$isWriting.withValue(true) {
                    try await work(WriteTransaction(database: connection, clock: clock))
                }
                try await sql.raw("COMMIT").run()
                return result
            } catch {
                try? await sql.raw("ROLLBACK").run()
                throw error
            }
        }
    }
}

// One SQLite file serves one process; in tests, where many files share a process, writes simply take turns. The
// verification traffic's own writer (`SQLiteTrafficWriter`) takes its turns here too.
let sqliteWriters = AsyncMutex()
