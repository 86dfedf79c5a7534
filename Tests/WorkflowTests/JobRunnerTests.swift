import Domain
import Foundation
@_spi(Tests) import Persistence
import SQLKit
import StorageTestSupport
import Testing
import Workflow

@Suite("Scheduled jobs: the runner on the database")
struct JobRunnerTests {
    static let start = Date(timeIntervalSince1970: 1_795_428_000)

    @Test("a due job runs once and records its time; it is not run again until its interval has passed")
    func runsWhenDue() async throws {
        try await withTestStorage { storage in try await Self.runsWhenDueBody(storage) }
    }

    private static func runsWhenDueBody(_ storage: TestStorage) async throws {
        let clock = FixedClock(Self.start)
        let runs = RunCounter()
        let job = Self.job("count") { await runs.increment() }
        let runner = Self.runner([job], storage, clock)

        #expect(try await runner.runDueJobs() == [.ran(name: job.name)])
        #expect(try await ScheduledJobRuns.lastRuns(on: storage.store)[job.name] == Self.start)
        #expect(try await runner.runDueJobs() == [])
        clock.advance(by: 599)
        #expect(try await runner.runDueJobs() == [])
        // A runner started later (a restart, another instance) goes by the recorded run.
        #expect(try await Self.runner([job], storage, clock).runDueJobs() == [])
        clock.advance(by: 1)
        #expect(try await runner.runDueJobs() == [.ran(name: job.name)])
        #expect(await runs.value == 2)
        #expect(try await runner.nextDue() == Self.start.addingTimeInterval(1200))
    }

    @Test("a job whose work fails is not recorded and stays due")
    func failureStaysDue() async throws {
        try await withTestStorage { storage in try await Self.failureStaysDueBody(storage) }
    }

    private static func failureStaysDueBody(_ storage: TestStorage) async throws {
        let job = Self.job("fail") { throw Refused() }
        let runner = Self.runner([job], storage, FixedClock(Self.start))
        #expect(try await runner.runDueJobs() == [.failed(name: job.name, reason: "Refused()")])
        #expect(try await ScheduledJobRuns.lastRuns(on: storage.store)[job.name] == nil)
        #expect(try await runner.nextDue() == .distantPast)
    }

    @Test("two runners on one database never run the same job at once")
    func oneRunAtATime() async throws {
        try await withTestStorage { storage in try await Self.oneRunAtATimeBody(storage) }
    }

    private static func oneRunAtATimeBody(_ storage: TestStorage) async throws {
        let clock = FixedClock(Self.start)
        let (started, release, runs) = (Gate(), Gate(), RunCounter())
        let job = Self.job("exclusive") {
            await runs.increment()
            await started.open()
            await release.wait()
        }
        // Each runner takes the lock on a connection of its own, as two instances would.
        let first = Self.runner([job], storage, clock)
        let second = Self.runner([job], storage, clock)

        let firstRun = Task { try await first.runDueJobs() }
        await started.wait()
        #expect(try await second.runDueJobs() == [.skipped(name: job.name)])
        await release.open()
        #expect(try await firstRun.value == [.ran(name: job.name)])
        // Once the first has recorded its run, the job is no longer due for anyone.
        #expect(try await second.runDueJobs() == [])
        #expect(await runs.value == 1)
    }

    @Test("the sessions job removes run-out sessions and keeps live ones")
    func expiredSessions() async throws {
        try await withTestStorage { storage in
            let clock = FixedClock(Self.start)
            let user = try await TestUsers.create("anna@region.example", role: .coordinator, platform: "BFR", in: storage.store, clock: clock)
            let idle = try await storage.store.write(clock: clock) { tx in
                try await WebSessions.start(userID: user.id, in: tx).token
            }
            clock.advance(by: 7 * 3600)
            let live = try await storage.store.write(clock: clock) { tx in
                try await WebSessions.start(userID: user.id, in: tx).token
            }
            clock.advance(by: 3600 + 1)
            let runner = Self.runner(Self.standardJobs(storage, clock), storage, clock)

            #expect(try await runner.runDueJobs().contains(.ran(name: StandardJobs.expiredSessions.name)))
            #expect(try await storage.sql.raw("SELECT COUNT(*) AS n FROM web_sessions").first()?.decode(column: "n", as: Int.self) == 1)
            #expect(try await WebSessions.session(forToken: live, now: clock.now(), on: storage.store) != nil)
            #expect(try await WebSessions.session(forToken: idle, now: clock.now(), on: storage.store) == nil)
        }
    }

    @Test("the checkpoint job signs the head every ten minutes, and an unchanged head only once")
    func checkpointJob() async throws {
        try await withTestStorage { storage in
            let clock = FixedClock(Self.start)
            let runner = Self.runner(Self.standardJobs(storage, clock), storage, clock)
            let name = StandardJobs.auditCheckpoint.name

            #expect(try await runner.runDueJobs().contains(.ran(name: name)))
            let first = try #require(try await AuditCheckpoints.newest(on: storage.store))
            #expect(first.sequence == (try await AuditLog.count(on: storage.store)))
            clock.advance(by: 600)
            #expect(try await runner.runDueJobs() == [.ran(name: name)])
            #expect(try await AuditCheckpoints.newest(on: storage.store) == first)
            try await storage.store.write(clock: clock) { tx in
                try await tx.audit(AuditEventDraft(actorText: "test", actionText: "case.tick", subject: "case:1"))
            }
            clock.advance(by: 600)
            #expect(try await runner.runDueJobs() == [.ran(name: name)])
            #expect(try await AuditCheckpoints.newest(on: storage.store)?.sequence == first.sequence + 1)
        }
    }

    /// A job every ten minutes, under a name of its own so that parallel tests never share a lock.
    static func job(_ name: String, _ work: @escaping @Sendable () async throws -> Void) -> Job {
        Job(ScheduledJob(name: "\(name)-\(UUID())", interval: 600)) { _, _ in try await work() }
    }

    static func runner(_ jobs: [Job], _ storage: TestStorage, _ clock: FixedClock) -> JobRunner {
        JobRunner(jobs: jobs, store: storage.store, choice: storage.choice, clock: clock)
    }

    static func standardJobs(_ storage: TestStorage, _ clock: FixedClock) -> [Job] {
        StandardJobs.all(engine: storage.choice.engine, signingKey: .init(), clock: clock)
    }
}

private struct Refused: Error {}

private actor RunCounter {
    private(set) var value = 0
    func increment() { value += 1 }
}

/// Opens once; everyone waiting, and everyone who waits afterwards, goes on.
private actor Gate {
    private var opened = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func wait() async {
        if opened { return }
        await withCheckedContinuation { waiters.append($0) }
    }

    func open() {
        opened = true
        for waiter in waiters { waiter.resume() }
        waiters = []
    }
}
