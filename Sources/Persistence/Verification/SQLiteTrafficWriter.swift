import FluentSQLiteDriver
import Synchronization

/// The verification traffic's own SQLite connection, on `TrafficThread`, for the appends of
/// `TestSessionStore.appendIfCurrent`: a whole batch (the check that nothing changed, the inserts, the session's
/// new head, the commit) runs there synchronously, on statements prepared once. The listeners' group commit
/// (`GroupCommit`) runs its batches on that thread too, so a batch written this way never changes threads.
///
/// Through SQLiteNIO a batch cost eight hops between the tasks, the event loops and SQLite's thread pool, each
/// statement prepared anew, and those hops were as much of a batch as SQLite's own work (BENCHMARKS.md, MLLP end
/// to end). The thread is not an event loop because a commit waits for the disk's flush.
///
/// It takes its turn with the process's other writers (`sqliteWriters`) and with other processes' through
/// SQLite's own lock (`BEGIN IMMEDIATE`, with a busy timeout).
final class SQLiteTrafficWriter: Sendable {
    private let path: String
    private let thread = TrafficThread.shared
    private let checkpointer: SQLiteCheckpointer
    /// Set by closing: a transaction after it fails instead of opening the connection again.
    private let closed = Mutex(false)
    // Touched only on `thread`.
    private nonisolated(unsafe) var connection: SQLitePreparedConnection?
    private nonisolated(unsafe) var synchronous: String?

    init(path: String) {
        self.path = path
        checkpointer = SQLiteCheckpointer(path: path)
    }

    /// Runs `body` in one write transaction on the traffic's connection, committed so that it survives
    /// `durability` before this returns; when `body` returns nil, the transaction is rolled back instead.
    func transaction<T: Sendable>(
        durability: CommitDurability, _ body: @escaping @Sendable (SQLitePreparedConnection) throws -> T?
    ) async throws -> T? {
        try await withTaskExecutorPreference(thread) {
            try await sqliteWriters.withLock {
                precondition(self.thread.isCurrent, "the traffic's SQLite statements run on its thread")
                return try self.run(durability: durability, body)
            }
        }
    }

    /// Closes the connection once the work queued before is done.
    func close() async {
        closed.withLock { $0 = true }
        checkpointer.close()
        await withTaskExecutorPreference(thread) { self.connection = nil }
    }

    /// `close()` for a caller that cannot wait (the driver's synchronous shutdown): the connection is closed on
    /// the thread, soon after.
    func closeSynchronously() {
        closed.withLock { $0 = true }
        checkpointer.close()
        Task(executorPreference: thread) { self.connection = nil }
    }

    private func run<T>(durability: CommitDurability, _ body: (SQLitePreparedConnection) throws -> T?) throws -> T? {
        let connection = try opened()
        // Per connection, and it cannot change inside a transaction.
        if synchronous != durability.sqliteSynchronous {
            try connection.execute("PRAGMA synchronous = \(durability.sqliteSynchronous)")
            try connection.execute("PRAGMA wal_autocheckpoint = \(SQLiteCheckpointer.ownCheckpointPages(durability))")
            synchronous = durability.sqliteSynchronous
        }
        try connection.execute("BEGIN IMMEDIATE")
        do {
            let result = try body(connection)
            try connection.execute(result == nil ? "ROLLBACK" : "COMMIT")
            if result != nil { checkpointer.commitWritten(durability) }
            return result
        } catch {
            try? connection.execute("ROLLBACK")
            throw error
        }
    }

    private func opened() throws -> SQLitePreparedConnection {
        if let connection { return connection }
        guard !closed.withLock({ $0 }) else { throw SQLiteTrafficWriterClosed() }
        let opened = try SQLitePreparedConnection(path: path, writable: true)
        // As the driver's connections have it: the messages' session must exist.
        try opened.execute("PRAGMA foreign_keys = ON")
        connection = opened
        return opened
    }
}

/// A transaction asked of a writer whose database was shut down.
struct SQLiteTrafficWriterClosed: Error, CustomStringConvertible {
    var description: String { "the database was shut down" }
}
