import Domain
import Foundation
import Persistence

/// Runs the jobs that are due, each at most once at a time across every instance on the database.
public struct JobRunner: Sendable {
    /// What happened to one due job.
    public enum Outcome: Sendable, Equatable {
        case ran(name: String)
        /// Another run holds the job's lock, or ran it since this runner looked.
        case skipped(name: String)
        /// The work threw; the run is not recorded, so the job stays due.
        case failed(name: String, reason: String)
    }

    public let jobs: [Job]
    private let schedule: JobSchedule
    private let database: Store
    private let choice: DatabaseChoice
    let clock: any WallClock

    public init(jobs: [Job], store database: Store, choice: DatabaseChoice, clock: any WallClock) {
        self.jobs = jobs
        self.schedule = JobSchedule(jobs.map(\.schedule))
        self.database = database
        self.choice = choice
        self.clock = clock
    }

    /// Runs every job due at the clock's current time, one after the other, and says what became of each.
    public func runDueJobs() async throws -> [Outcome] {
        let now = clock.now()
        var outcomes: [Outcome] = []
        let due = Set(schedule.due(at: now, lastRuns: try await ScheduledJobRuns.lastRuns(on: database)).map(\.name))
        for job in jobs where due.contains(job.name) {
            do {
                outcomes.append(try await run(job, at: now))
            } catch {
                outcomes.append(.failed(name: job.name, reason: String(describing: error)))
            }
        }
        return outcomes
    }

    /// When the next job falls due, from the runs recorded so far.
    public func nextDue() async throws -> Date? {
        schedule.nextDue(lastRuns: try await ScheduledJobRuns.lastRuns(on: database))
    }

    private func run(_ job: Job, at now: Date) async throws -> Outcome {
        let database = database
        let ran = try await JobLock.withLock(named: job.name, choice: choice, loggingTo: database) {
            // Read again under the lock: another instance may have run the job since the schedule was read.
            let lastRun = try await ScheduledJobRuns.lastRuns(on: database)[job.name]
            guard job.schedule.isDue(at: now, lastRun: lastRun) else { return false }
            try await job.work(database, now)
            try await ScheduledJobRuns.record(job.name, ranAt: now, on: database)
            return true
        }
        return ran == true ? .ran(name: job.name) : .skipped(name: job.name)
    }
}
