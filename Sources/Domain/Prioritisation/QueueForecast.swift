import Foundation

/// When the waiting cases can be expected to start: each place frees when its case has run for the median time
/// recent onboardings took (from start to production, read from the recorded status changes), and the waiting
/// cases take the places in queue order. With fewer than ``minimumHistory`` finished onboardings there is no
/// forecast, and the pages say so.
public struct QueueForecast: Sendable {
    public static let minimumHistory = 3

    /// The median onboarding time; nil when there is too little history.
    public let median: TimeInterval?
    /// How many finished onboardings it was read from.
    public let samples: Int
    /// The expected start of each waiting case, by case id; empty without a median.
    public let starts: [UUID: Date]

    /// `durations`: how long recent onboardings took; `startedAt`: when each running case started (one missing is
    /// taken as starting `now`).
    public init(queue: OnboardingQueue, startedAt: [UUID: Date], durations: [TimeInterval], now: Date) {
        samples = durations.count
        guard durations.count >= Self.minimumHistory else {
            median = nil
            starts = [:]
            return
        }
        let sorted = durations.sorted()
        let middle = sorted.count / 2
        let median = sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        self.median = median
        guard queue.capacity > 0 else {
            starts = [:]
            return
        }
        // When each place frees: a running case's expected end, or now for a free place. When the capacity shrank
        // below the running cases, the earliest ends free no place of their own.
        var frees = queue.running.map { max(now, (startedAt[$0.caseID] ?? now) + median) }.sorted()
        frees.removeFirst(max(0, frees.count - queue.capacity))
        frees = Array(repeating: now, count: queue.freePlaces) + frees
        var starts: [UUID: Date] = [:]
        for entry in queue.waiting {
            let start = frees.removeFirst()
            starts[entry.caseID] = start
            let end = start + median
            let index = frees.firstIndex { $0 > end } ?? frees.endIndex
            frees.insert(end, at: index)
        }
        self.starts = starts
    }
}
