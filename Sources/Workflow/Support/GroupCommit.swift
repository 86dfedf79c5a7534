import Persistence
import Synchronization

/// Writes that arrive while one is being written are written together, in the next: one transaction and one
/// commit for many. Storing each HL7 message before its ACK cost a commit (an fsync on SQLite, a round trip more
/// on PostgreSQL) per message; with eight senders waiting, the messages now share them (BENCHMARKS.md, MLLP end to
/// end).
///
/// A lone entry is written at once. When writes are slow (a slow disk's flush), the writer gathers briefly before
/// a batch (see ``gather()``): the senders answered by one batch send again a moment later, and without the pause
/// they kept splitting into two groups that each paid a flush, half the senders behind each.
///
/// The batches are gathered and written on `TrafficThread`, where SQLite's traffic writer runs its statements: a
/// batch's entries wake that thread once, its outcomes go out from there, and the pause before a batch is a timer
/// of that thread's own.
///
/// `write` gets a batch in submission order and returns one outcome per entry, in the same order; it handles its
/// own errors (for traffic: an AR for every entry of a batch that could not be stored).
final class GroupCommit<Entry: Sendable, Outcome: Sendable>: Sendable {
    private let maximumBatch: Int
    private let thread = TrafficThread.shared
    private let write: @Sendable ([Entry]) async -> [Outcome]
    private let state = Mutex(State())

    private struct State: ~Copyable {
        var pending: [(entry: Entry, waiter: @Sendable (Outcome) -> Void)] = []
        /// Whether a task is writing batches; it goes on until nothing is pending.
        var writing = false
        /// The entries outstanding when the last batch was written: those it answered and those that waited. Their
        /// senders are the ones expected in the next batch.
        var expected = 0
        /// How long the writer may gather for the next batch: half as long as the last write took, after it.
        var gatherUntil = ContinuousClock.now
        /// The writer while it gathers, woken when `expected` entries are pending or the time is up.
        var gathering: (waiter: CheckedContinuation<Void, Never>, timer: UInt64)?
    }

    init(maximumBatch: Int, write: @escaping @Sendable ([Entry]) async -> [Outcome]) {
        precondition(maximumBatch > 0)
        self.maximumBatch = maximumBatch
        self.write = write
    }

    /// Queues `entry` and returns its outcome once the batch it went into was written.
    func submit(_ entry: Entry) async -> Outcome {
        await withCheckedContinuation { waiter in submit(entry) { waiter.resume(returning: $0) } }
    }

    /// Queues `entry` and calls `then` with its outcome, on the writer's thread, once the batch it went into was
    /// written. For callers that answer from a callback (the MLLP listener): no task waits per entry.
    func submit(_ entry: Entry, then: @escaping @Sendable (Outcome) -> Void) {
        let (startsWriter, gathered) = state.withLock { state in
            state.pending.append((entry, then))
            var gathered: (waiter: CheckedContinuation<Void, Never>, timer: UInt64)?
            if state.pending.count >= min(state.expected, maximumBatch) { gathered = state.gathering.take() }
            guard !state.writing else { return (false, gathered) }
            state.writing = true
            return (true, gathered)
        }
        if let gathered {
            thread.cancel(gathered.timer)
            gathered.waiter.resume()
        }
        if startsWriter { Task(executorPreference: thread) { await self.writeBatches() } }
    }

    /// Entries waiting for a batch (tests watch it to know that submissions are queued).
    var pendingCount: Int { state.withLock { $0.pending.count } }

    private func writeBatches() async {
        while true {
            await gather()
            let batch = state.withLock { state in
                let batch = Array(state.pending.prefix(maximumBatch))
                state.pending.removeFirst(batch.count)
                if batch.isEmpty { state.writing = false }
                return batch
            }
            guard !batch.isEmpty else { return }
            let started = ContinuousClock.now
            let outcomes = await write(batch.map(\.entry))
            precondition(outcomes.count == batch.count, "one outcome per entry")
            let finished = ContinuousClock.now
            state.withLock { state in
                state.expected = batch.count + state.pending.count
                let took = finished - started
                state.gatherUntil = took < Self.slowWrite ? finished : finished + took / 2
            }
            for (pending, outcome) in zip(batch, outcomes) { pending.waiter(outcome) }
        }
    }

    /// A write at least this long is followed by a pause to gather the next batch. Below it, the senders' round
    /// trip is as long as a write, and pausing lost more than merging saved: with eight senders and a flush of
    /// 0.2 ms, batches written without a pause carried 10,051-10,176 messages/s (process-crash) and 7,480-7,611
    /// (power-loss), with pauses 8,314-8,327 and 5,993-7,379 (BENCHMARKS.md, MLLP end to end).
    static var slowWrite: Duration { .milliseconds(1) }

    /// Waits, after a slow write, until as many entries are pending as were outstanding when it ended (the senders
    /// it answered send again within a round trip), but at most half as long as that write took: merging two
    /// batches saves a whole flush, so waiting half of one pays. A lone sender is expected alone and never waits.
    private func gather() async {
        let deadline: ContinuousClock.Instant? = state.withLock { state in
            guard state.pending.count < min(state.expected, maximumBatch), ContinuousClock.now < state.gatherUntil
            else { return nil }
            return state.gatherUntil
        }
        guard let deadline else { return }
        await withCheckedContinuation { (waiter: CheckedContinuation<Void, Never>) in
            // The timer is set before the waiter is left, so that whoever takes the waiter can cancel it.
            let timer = thread.schedule(at: deadline) {
                self.state.withLock { $0.gathering.take() }?.waiter.resume()
            }
            let enough = state.withLock { state in
                guard state.pending.count < min(state.expected, maximumBatch) else { return true }
                state.gathering = (waiter, timer)
                return false
            }
            if enough {
                thread.cancel(timer)
                waiter.resume()
            }
        }
    }
}
