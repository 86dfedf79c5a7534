import Foundation
import Synchronization
import Testing
@testable import Persistence

@Suite("Traffic thread")
struct TrafficThreadTests {
    @Test("a task that prefers the thread runs its synchronous code there, and nowhere else does")
    func runsTasksOnItsThread() async {
        let thread = TrafficThread(name: "test-traffic")
        #expect(!thread.isCurrent)
        let onThread = await Task(executorPreference: thread) {
            var seen = [thread.isCurrent]
            await Task.yield()
            seen.append(thread.isCurrent)
            // An await on something elsewhere comes back to the thread.
            try? await Task.sleep(for: .milliseconds(5))
            seen.append(thread.isCurrent)
            return seen
        }.value
        #expect(onThread == [true, true, true])
        let nested = await withTaskExecutorPreference(thread) { thread.isCurrent }
        #expect(nested)
        #expect(await Task { thread.isCurrent }.value == false)
    }

    @Test("timers fire on the thread in the order of their deadlines; a cancelled one never does")
    func timers() async {
        let thread = TrafficThread(name: "test-timers")
        let fired = Mutex<[String]>([])
        let done = AsyncStream<Void>.makeStream()
        let now = ContinuousClock.now
        thread.schedule(at: now + .milliseconds(40)) {
            fired.withLock { $0.append("late\(thread.isCurrent)") }
            done.continuation.yield()
        }
        thread.schedule(at: now + .milliseconds(10)) { fired.withLock { $0.append("early\(thread.isCurrent)") } }
        let cancelled = thread.schedule(at: now + .milliseconds(20)) { fired.withLock { $0.append("cancelled") } }
        thread.cancel(cancelled)
        for await _ in done.stream { break }
        #expect(fired.withLock { $0 } == ["earlytrue", "latetrue"])
        #expect(ContinuousClock.now - now >= .milliseconds(40))
    }
}
