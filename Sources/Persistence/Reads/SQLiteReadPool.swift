import FluentSQLiteDriver
import Synchronization

/// Read-only connections to one SQLite file for the reads of `Database.rows`, used synchronously on the
/// calling thread.
///
/// Through SQLiteNIO every statement was prepared anew and travelled from the task to SQLite's thread pool, to
/// the event loop and back to the task; for a case page that was three of those round trips for three short
/// index lookups, and they cost more than SQLite's work (BENCHMARKS.md, case API). In WAL mode readers never
/// wait for the writer, so a read here is CPU work over pages in memory, like the JSON written after it.
final class SQLiteReadPool: Sendable {
    private let path: String
    private let idle = Mutex(Idle())

    /// Connections kept open between reads; more are opened when more reads run at once. A snapshot holds its
    /// connection across the awaits of a whole case read, so as many are in use as requests are in flight: with
    /// 8 kept, 32 concurrent clients made every second request open a new connection (a case read cost 75% more
    /// CPU; BENCHMARKS.md). Each idle connection costs little more than its page cache.
    private static let idleLimit = 64

    private struct Idle: ~Copyable {
        var connections: [SQLiteReadConnection] = []
        var closed = false
    }

    /// Set while a write transaction runs: its reads must see its own writes, so they go to its connection.
    @TaskLocal static var isWriting = false

    /// Set inside `withSnapshot`: the pool and its connection whose read transaction every read of the task
    /// through that pool joins.
    @TaskLocal private static var snapshot: (pool: ObjectIdentifier, connection: SQLiteReadConnection)?

    private var snapshotConnection: SQLiteReadConnection? {
        guard let snapshot = Self.snapshot, snapshot.pool == ObjectIdentifier(self) else { return nil }
        return snapshot.connection
    }

    init(path: String) {
        self.path = path
    }

    /// Runs `body` with a connection of its own (inside `withSnapshot`, the snapshot's).
    func withConnection<T>(_ body: (SQLiteReadConnection) throws -> T) throws -> T {
        if let connection = snapshotConnection { return try body(connection) }
        let connection = try take()
        defer { giveBack(connection) }
        return try body(connection)
    }

    /// Runs `body` with every read of the pool in it on one connection inside one read transaction, so that
    /// they all see the same state of the file, whatever commits meanwhile (WAL keeps the snapshot's pages).
    func withSnapshot<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        if snapshotConnection != nil { return try await body() }
        let connection = try take()
        defer { giveBack(connection) }
        try connection.execute("BEGIN")
        do {
            let result = try await Self.$snapshot.withValue((ObjectIdentifier(self), connection)) { try await body() }
            try connection.execute("COMMIT")
            return result
        } catch {
            try? connection.execute("ROLLBACK")
            throw error
        }
    }

    private func take() throws -> SQLiteReadConnection {
        try idle.withLock { $0.connections.popLast() } ?? SQLiteReadConnection(path: path)
    }

    private func giveBack(_ connection: SQLiteReadConnection) {
        idle.withLock { idle in
            if !idle.closed && idle.connections.count < Self.idleLimit { idle.connections.append(connection) }
        }
    }

    /// Closes the idle connections; those in use close when they come back.
    func close() {
        idle.withLock { idle in
            idle.closed = true
            idle.connections.removeAll()
        }
    }
}
