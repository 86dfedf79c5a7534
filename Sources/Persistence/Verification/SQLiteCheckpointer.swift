import Synchronization

/// Copies the traffic's write-ahead log into the database file on a thread of its own, so that the traffic's
/// writer, which every sender waits on, no longer does it after its commits: that was 8 % of the writer's time, and
/// traffic committed without flushes (process-crash durability) went 8-19 % faster without it (BENCHMARKS.md, MLLP
/// end to end). With flushed commits (power-loss) the checkpoint's own flushes of the database file held up the
/// writer's flushes on the same disk, 3-8 % slower; there the writer checkpoints itself, as SQLite does.
///
/// A passive checkpoint on its own connection copies what was committed when it began, while the writer goes on
/// appending. Under steady traffic the log is therefore never copied to its very end, and only the writer can start
/// it over from its beginning; so the writer keeps a checkpoint of its own as a backstop, at a log four times as
/// long. That one finds almost everything copied already, and the log starts over after it.
final class SQLiteCheckpointer: Sendable {
    /// The log's length, in pages, at which the writer checkpoints itself: at 32 MB, not SQLite's 4 MB, because
    /// the traffic appends to the same few pages (the tables' and indexes' last leaves) batch after batch and a
    /// checkpoint copies each page once however often it changed since the last; four times that with this
    /// checkpointer doing the work.
    static func ownCheckpointPages(_ durability: CommitDurability) -> Int {
        durability == .processCrash ? 32_768 : 8_192
    }
    /// At most one checkpoint asked for in this time.
    static let interval = Duration.milliseconds(250)

    private let path: String
    private let thread = TrafficThread.checkpoints
    private let state = Mutex(State())
    // Touched only on `thread`.
    private nonisolated(unsafe) var connection: SQLitePreparedConnection?

    private struct State {
        var lastAsked = ContinuousClock.now
        var running = false
        var closed = false
    }

    init(path: String) {
        self.path = path
    }

    /// After a commit: starts a checkpoint when none runs and none was asked for within `interval`, for commits
    /// without flushes.
    func commitWritten(_ durability: CommitDurability) {
        guard durability == .processCrash else { return }
        let now = ContinuousClock.now
        let starts = state.withLock { state in
            guard !state.running, !state.closed, now - state.lastAsked >= Self.interval else { return false }
            state.running = true
            state.lastAsked = now
            return true
        }
        guard starts else { return }
        thread.schedule(at: now) {
            self.checkpoint()
            self.state.withLock { $0.running = false }
        }
    }

    /// Closes the connection once a running checkpoint is done.
    func close() {
        state.withLock { $0.closed = true }
        thread.schedule(at: .now) { self.connection = nil }
    }

    /// Failures are left alone: the writer's own checkpoint is there, and the log stays whole either way.
    private func checkpoint() {
        guard !state.withLock({ $0.closed }) else { return }
        do {
            if connection == nil { connection = try SQLitePreparedConnection(path: path, writable: true) }
            _ = try connection?.rows("PRAGMA wal_checkpoint(PASSIVE)", [], { _ in () })
        } catch {
            connection = nil
        }
    }
}
