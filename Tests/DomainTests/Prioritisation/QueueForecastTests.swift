import Domain
import Foundation
import Testing

@Suite("Queue forecast from the median onboarding time")
struct QueueForecastTests {
    typealias F = PrioritisationFixtures
    let day: TimeInterval = 86_400

    @Test("too little history gives no forecast")
    func tooLittle() {
        let q = OnboardingQueue(entries: [F.entry(1, .queued, total: 3)], capacity: 1, placeStatuses: [.inProgress])
        let forecast = QueueForecast(queue: q, startedAt: [:], durations: [10 * day, 20 * day], now: F.start)
        #expect(forecast.median == nil)
        #expect(forecast.starts.isEmpty)
        #expect(forecast.samples == 2)
    }

    @Test("waiting cases take the places as they free, in queue order")
    func starts() {
        let running = F.entry(10, .inProgress, total: 1)
        let q = OnboardingQueue(
            entries: [running, F.entry(1, .queued, total: 9), F.entry(2, .queued, total: 5), F.entry(3, .queued, total: 1)],
            capacity: 2, placeStatuses: [.inProgress])
        let forecast = QueueForecast(
            queue: q, startedAt: [running.caseID: F.start - 10 * day], durations: [20 * day, 40 * day, 30 * day],
            now: F.start)
        #expect(forecast.median == 30 * day)
        // One place is free now; the running case ends in 20 days; the first starter ends in 30.
        #expect(forecast.starts[F.entry(1, .queued, total: 9).caseID] == F.start)
        #expect(forecast.starts[F.entry(2, .queued, total: 5).caseID] == F.start + 20 * day)
        #expect(forecast.starts[F.entry(3, .queued, total: 1).caseID] == F.start + 30 * day)
    }

    @Test("a capacity shrunk below the running cases frees no place at their first ends")
    func shrunk() {
        let runs = (0..<3).map { F.entry(10 + $0, .inProgress, total: 1) }
        let q = OnboardingQueue(entries: runs + [F.entry(1, .queued, total: 9)], capacity: 2, placeStatuses: [.inProgress])
        let starts = Dictionary(uniqueKeysWithValues: runs.enumerated().map { ($1.caseID, F.start - Double($0) * day) })
        let forecast = QueueForecast(queue: q, startedAt: starts, durations: [10 * day, 10 * day, 10 * day], now: F.start)
        // Ends at +10, +9, +8 days: the one at +8 frees no place, the one at +9 does.
        #expect(forecast.starts[F.entry(1, .queued, total: 9).caseID] == F.start + 9 * day)
    }
}
