import Persistence
import Synchronization
import Testing
@testable import Workflow

@Suite("Group commit")
struct GroupCommitTests {
    /// The batches `write` was given, in the order written.
    final class Batches: Sendable {
        let written = Mutex<[[Int]]>([])
    }

    @Test("a lone entry is written at once, by itself, on the traffic thread; its outcome is given there too")
    func alone() async {
        let batches = Batches()
        let commits = GroupCommit<Int, String>(maximumBatch: 8) { entries in
            batches.written.withLock { $0.append(entries) }
            return entries.map { "ok \($0) \(TrafficThread.shared.isCurrent)" }
        }
        #expect(await commits.submit(7) == "ok 7 true")
        #expect(batches.written.withLock { $0 } == [[7]])
        let given = await withCheckedContinuation { answered in
            commits.submit(8) { answered.resume(returning: ($0, TrafficThread.shared.isCurrent)) }
        }
        #expect(given == ("ok 8 true", true))
    }

    @Test("entries that arrive while a batch is written share the next one; each gets its own outcome; no batch is over the limit")
    func batches() async {
        let batches = Batches()
        let first = AsyncStream<Void>.makeStream()
        let release = AsyncStream<Void>.makeStream()
        let commits = GroupCommit<Int, Int>(maximumBatch: 4) { entries in
            let isFirst = batches.written.withLock { written in
                written.append(entries)
                return written.count == 1
            }
            if isFirst {
                // Holds the first batch until the others are queued behind it.
                first.continuation.yield()
                for await _ in release.stream { break }
            }
            return entries.map { $0 * 10 }
        }
        await withTaskGroup(of: (Int, Int).self) { group in
            group.addTask { (0, await commits.submit(0)) }
            for await _ in first.stream { break }
            for entry in 1...9 { group.addTask { (entry, await commits.submit(entry)) } }
            // Every submission is queued once the first batch is let go: wait until nine are pending.
            while commits.pendingCount < 9 { await Task.yield() }
            release.continuation.yield()
            for await (entry, outcome) in group { #expect(outcome == entry * 10) }
        }
        let written = batches.written.withLock { $0 }
        #expect(written.first == [0])
        #expect(written.dropFirst().map(\.count) == [4, 4, 1], "the nine queued entries in batches of at most four")
        #expect(Set(written.flatMap { $0 }) == Set(0...9))
    }

    @Test("senders that each wait for their outcome before sending again end up sharing every commit")
    func senders() async {
        let batches = Batches()
        // A slow write, like a flushed commit: the writer may gather for half of it.
        let commits = GroupCommit<Int, Int>(maximumBatch: 16) { entries in
            batches.written.withLock { $0.append(entries) }
            try? await Task.sleep(for: .milliseconds(60))
            return entries
        }
        let senders = 4, rounds = 6
        // The senders on a thread of their own, as network clients are: in a full test run the shared pool's
        // threads are busy with other tests, and senders there came back later than any pause.
        let senderThread = TrafficThread(name: "test-senders")
        await withTaskGroup(of: Void.self) { group in
            for sender in 0..<senders {
                group.addTask(executorPreference: senderThread) {
                    for round in 0..<rounds { _ = await commits.submit(sender * 100 + round) }
                }
            }
        }
        let written = batches.written.withLock { $0 }
        #expect(written.flatMap { $0 }.count == senders * rounds)
        // The first batch takes whoever was queued when the writer started, the rest wait for the next; from then
        // on all four come back within the pause and share each batch, instead of alternating between two groups.
        // The senders of the first batch are one round ahead, so the last batch is the others' alone.
        #expect(written.count >= rounds)
        #expect(written.dropFirst().dropLast().allSatisfy { $0.count == senders }, "batches: \(written.map(\.count))")
    }
}
