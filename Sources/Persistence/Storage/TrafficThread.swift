import Foundation

/// The thread that writes the verification traffic: a task executor of its own, where the listeners' batches are
/// gathered (`GroupCommit`), planned and written, SQLite's synchronous statements and flushes included.
///
/// A task that prefers this executor (`Task(executorPreference:)`, `withTaskExecutorPreference`) runs its
/// nonisolated code here, so a batch's whole way from its first entry to its last outcome stays on one thread:
/// one wake-up when the listeners queue messages, one when the answers go back to their event loops. Through
/// Swift's global pool and a separate SQLite thread a batch cost five wake-ups, and dispatch's timer threads
/// two more for every pause, which was a third of the server's time (BENCHMARKS.md, MLLP end to end).
///
/// It blocks for the disk's flush, which is why it is none of the event loops (they must never block) and none
/// of the pool's few threads. One per process, started at the first use and never stopped, as NIO's singletons.
public final class TrafficThread: TaskExecutor, @unchecked Sendable {
    public static let shared = TrafficThread(name: "anslut-traffic")
    /// Where SQLite's write-ahead log is copied into the database file, beside the traffic (`SQLiteCheckpointer`).
    static let checkpoints = TrafficThread(name: "anslut-checkpoint")

    // Guarded by `condition`.
    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []
    private var timers: [Timer] = []
    private var nextTimerID: UInt64 = 0
    private var sleeping = false
    private var started = false
    private let name: String
    /// Set once on the thread itself before it runs anything; read on any thread after `startOnce` returns.
    private nonisolated(unsafe) var identity: pthread_t?

    private struct Timer {
        let id: UInt64
        let deadline: ContinuousClock.Instant
        let action: @Sendable () -> Void
    }

    public init(name: String) {
        self.name = name
    }

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        startOnce()
        condition.lock()
        jobs.append(job)
        let wakes = sleeping
        condition.unlock()
        if wakes { condition.signal() }
    }

    /// Calls `action` on this thread at `deadline` unless cancelled before; the id is for `cancel(_:)`.
    @discardableResult
    public func schedule(at deadline: ContinuousClock.Instant, _ action: @escaping @Sendable () -> Void) -> UInt64 {
        startOnce()
        condition.lock()
        nextTimerID += 1
        let id = nextTimerID
        timers.append(Timer(id: id, deadline: deadline, action: action))
        let wakes = sleeping
        condition.unlock()
        if wakes { condition.signal() }
        return id
    }

    /// Takes back a timer that has not run yet.
    public func cancel(_ timer: UInt64) {
        condition.lock()
        timers.removeAll { $0.id == timer }
        condition.unlock()
    }

    /// Whether the caller runs on this thread.
    public var isCurrent: Bool {
        guard let identity else { return false }
        return pthread_equal(identity, pthread_self()) != 0
    }

    private func startOnce() {
        condition.lock()
        let starts = !started
        started = true
        condition.unlock()
        guard starts else { return }
        let running = DispatchSemaphore(value: 0)
        let thread = Thread { [self] in
            identity = pthread_self()
            running.signal()
            run()
        }
        thread.name = name
        thread.start()
        running.wait()
    }

    private func run() {
        var ready: [UnownedJob] = []
        var due: [@Sendable () -> Void] = []
        while true {
            condition.lock()
            while true {
                let soonest = timers.lazy.map(\.deadline).min()
                if !jobs.isEmpty || soonest.map({ $0 <= .now }) == true { break }
                sleeping = true
                if let soonest {
                    let wait = ContinuousClock.now.duration(to: soonest)
                    let seconds = Double(wait.components.seconds) + Double(wait.components.attoseconds) / 1e18
                    _ = condition.wait(until: Date(timeIntervalSinceNow: seconds))
                } else {
                    condition.wait()
                }
                sleeping = false
            }
            if !timers.isEmpty {
                let now = ContinuousClock.now
                due = timers.filter { $0.deadline <= now }.map(\.action)
                timers.removeAll { $0.deadline <= now }
            }
            swap(&ready, &jobs)
            condition.unlock()
            for action in due { action() }
            for job in ready { job.runSynchronously(on: asUnownedTaskExecutor()) }
            ready.removeAll(keepingCapacity: true)
            due.removeAll(keepingCapacity: true)
        }
    }
}
