import Domain
import Foundation
import Testing

@Suite("Job schedule")
struct JobScheduleTests {
    static let start = Date(timeIntervalSince1970: 1_795_428_000)
    static let schedule = JobSchedule([
        ScheduledJob(name: "often", interval: 600), ScheduledJob(name: "daily", interval: 86_400),
    ])

    @Test("a job that never ran is due at once")
    func neverRan() {
        #expect(Self.schedule.due(at: Self.start, lastRuns: [:]).map(\.name) == ["often", "daily"])
    }

    @Test("a job is due once its interval has passed since its last run, not before")
    func interval() {
        let lastRuns = ["often": Self.start, "daily": Self.start]
        #expect(Self.schedule.due(at: Self.start.addingTimeInterval(599), lastRuns: lastRuns).isEmpty)
        #expect(Self.schedule.due(at: Self.start.addingTimeInterval(600), lastRuns: lastRuns).map(\.name) == ["often"])
        #expect(Self.schedule.due(at: Self.start.addingTimeInterval(86_400), lastRuns: lastRuns).map(\.name)
            == ["often", "daily"])
    }

    @Test("the next due time is the earliest of the jobs'")
    func nextDue() {
        let lastRuns = ["often": Self.start, "daily": Self.start.addingTimeInterval(-86_000)]
        #expect(Self.schedule.nextDue(lastRuns: lastRuns) == Self.start.addingTimeInterval(400))
        #expect(JobSchedule([]).nextDue(lastRuns: [:]) == nil)
    }
}
