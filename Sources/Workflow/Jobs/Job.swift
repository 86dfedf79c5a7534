import Domain
import Persistence
import Foundation

/// A scheduled job: when it runs (`ScheduledJob`) and what it does.
public struct Job: Sendable {
    public let schedule: ScheduledJob
    /// The work, given the database and the time the run started. It must be safe to run again: a run that
    /// fails is not recorded and is tried again later.
    public let work: @Sendable (_ store: Store, _ now: Date) async throws -> Void

    public init(
        _ schedule: ScheduledJob, work: @escaping @Sendable (_ store: Store, _ now: Date) async throws -> Void
    ) {
        self.schedule = schedule
        self.work = work
    }

    public var name: String { schedule.name }
}
