import Synchronization

/// Writes that arrive while one is being written are written together, in the next: one transaction and one
/// commit for many. Storing each HL7 message before its ACK cost a commit (an fsync on SQLite, a round trip more
/// on PostgreSQL) per message; with eight senders waiting, the messages now share them (BENCHMARKS.md, MLLP end to
/// end). Nobody waits for a batch to fill: the first entry is written at once, and whatever arrives meanwhile
/// goes into the next batch.
///
/// `write` gets a batch in submission order and returns one outcome per entry, in the same order; it handles its
/// own errors (for traffic: an AR for every entry of a batch that could not be stored).
final class GroupCommit<Entry: Sendable, Outcome: Sendable>: Sendable {
    private let maximumBatch: Int
    private let write: @Sendable ([Entry]) async -> [Outcome]
    private let state = Mutex(State())

    private struct State: ~Copyable {
        var pending: [(entry: Entry, waiter: CheckedContinuation<Outcome, Never>)] = []
        /// Whether a task is writing batches; it goes on until nothing is pending.
        var writing = false
    }

    init(maximumBatch: Int, write: @escaping @Sendable ([Entry]) async -> [Outcome]) {
        precondition(maximumBatch > 0)
        self.maximumBatch = maximumBatch
        self.write = write
    }

    /// Queues `entry` and returns its outcome once the batch it went into was written.
    func submit(_ entry: Entry) async -> Outcome {
        await withCheckedContinuation { waiter in
            let startsWriter = state.withLock { state in
                state.pending.append((entry, waiter))
                guard !state.writing else { return false }
                state.writing = true
                return true
            }
            if startsWriter { Task { await self.writeBatches() } }
        }
    }

    /// Entries waiting for a batch (tests watch it to know that submissions are queued).
    var pendingCount: Int { state.withLock { $0.pending.count } }

    private func writeBatches() async {
        while true {
            let batch = state.withLock { state in
                let batch = Array(state.pending.prefix(maximumBatch))
                state.pending.removeFirst(batch.count)
                if batch.isEmpty { state.writing = false }
                return batch
            }
            guard !batch.isEmpty else { return }
            let outcomes = await write(batch.map(\.entry))
            precondition(outcomes.count == batch.count, "one outcome per entry")
            for (pending, outcome) in zip(batch, outcomes) { pending.waiter.resume(returning: outcome) }
        }
    }
}
