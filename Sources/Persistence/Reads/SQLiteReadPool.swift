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

    /// Connections kept open between reads; more are opened when more reads run at once. A read holds its
    /// connection only while it runs, synchronously, so no more are in use than threads read; when a case read
    /// held one across its awaits, 8 kept made 32 concurrent clients open a new connection every second request
    /// (BENCHMARKS.md). Each idle connection costs little more than its page cache.
    private static let idleLimit = 16

    private struct Idle: ~Copyable {
        var connections: [SQLitePreparedConnection] = []
        var closed = false
    }

    /// Set while a write transaction runs: its reads must see its own writes, so they go to its connection.
    @TaskLocal static var isWriting = false

    init(path: String) {
        self.path = path
    }

    /// Runs `body` with a connection of its own.
    func withConnection<T>(_ body: (SQLitePreparedConnection) throws -> T) throws -> T {
        let connection = try take()
        defer { giveBack(connection) }
        return try body(connection)
    }

    private func take() throws -> SQLitePreparedConnection {
        try idle.withLock { $0.connections.popLast() } ?? SQLitePreparedConnection(path: path)
    }

    private func giveBack(_ connection: SQLitePreparedConnection) {
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
