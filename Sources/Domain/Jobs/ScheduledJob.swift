import Foundation

/// A piece of upkeep that runs every `interval` seconds: its name (unique, stored with its last run) and
/// how often. The work itself is not here: Domain only decides when.
public struct ScheduledJob: Sendable, Hashable {
    public let name: String
    public let interval: TimeInterval

    public init(name: String, interval: TimeInterval) {
        precondition(interval > 0, "A job's interval must be positive")
        self.name = name
        self.interval = interval
    }

    /// When the job is next due after a successful run at `lastRun`; a job that never ran is due at once.
    public func nextDue(lastRun: Date?) -> Date {
        lastRun.map { $0.addingTimeInterval(interval) } ?? .distantPast
    }

    public func isDue(at now: Date, lastRun: Date?) -> Bool {
        nextDue(lastRun: lastRun) <= now
    }
}

/// The jobs of an installation and the arithmetic of which are due.
public struct JobSchedule: Sendable, Hashable {
    public let jobs: [ScheduledJob]

    public init(_ jobs: [ScheduledJob]) {
        precondition(Set(jobs.map(\.name)).count == jobs.count, "Job names must be unique")
        self.jobs = jobs
    }

    /// The jobs due at `now`, in schedule order, given each job's last successful run by name.
    public func due(at now: Date, lastRuns: [String: Date]) -> [ScheduledJob] {
        jobs.filter { $0.isDue(at: now, lastRun: lastRuns[$0.name]) }
    }

    /// The earliest time a job falls due; nil for an empty schedule.
    public func nextDue(lastRuns: [String: Date]) -> Date? {
        jobs.map { $0.nextDue(lastRun: lastRuns[$0.name]) }.min()
    }
}
