// The queue's in-process costs for issue 22, in release: building the order of N waiting cases from their rows
// (what every queue request does), moving one case after a re-assessment (`OnboardingQueue.reassess`), and the
// forecast over the whole queue. Prints p50 and p99 in milliseconds for each.
//   queue-bench [WAITING=10000] [ROUNDS=500]
import Domain
import Foundation

let arguments = CommandLine.arguments.dropFirst().compactMap { Int($0) }
let waiting = arguments.first ?? 10_000
let rounds = arguments.dropFirst().first ?? 500

var generator = SystemRandomNumberGenerator()
let start = Date(timeIntervalSince1970: 1_800_000_000)
let organisations = (0..<200).map { _ in UUID() }
var entries: [QueueEntry] = (0..<waiting).map { index in
    QueueEntry(
        caseID: UUID(), number: "BFR-2026-\(index)", organisationID: organisations[index % 200],
        status: index % 10 == 0 ? .triage : .queued, submittedAt: start + Double(index * 60),
        total: Int.random(in: 0...24, using: &generator))
}
entries += (0..<30).map { index in
    QueueEntry(caseID: UUID(), number: "BFR-R-\(index)", organisationID: organisations[0], status: .inProgress,
               submittedAt: start, total: 10)
}
let places: [CaseStatus] = [.inProgress, .returnedForCompletion]

func milliseconds(_ body: () -> Void) -> Double {
    let begin = ContinuousClock.now
    body()
    let elapsed = ContinuousClock.now - begin
    return Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
}

func report(_ name: String, _ samples: [Double]) {
    let sorted = samples.sorted()
    let p50 = sorted[sorted.count / 2]
    let p99 = sorted[min(sorted.count - 1, Int(Double(sorted.count) * 0.99))]
    print(String(format: "%-44@ p50 %7.3f ms   p99 %7.3f ms   (%d rounds)", name as NSString, p50, p99, samples.count))
}

var sink = 0
var queue = OnboardingQueue(entries: entries, capacity: 30, placeStatuses: places)
// Rows come from the database in no particular order: each round orders a shuffled copy, shuffled beforehand.
let shuffled = (0..<8).map { _ in entries.shuffled() }
report("order \(waiting) waiting cases from their rows", (0..<rounds).map { round in
    milliseconds { sink &+= OnboardingQueue(entries: shuffled[round % 8], capacity: 30, placeStatuses: places).waiting.count }
})
report("re-rank after one re-assessment", (0..<rounds).map { _ in
    let moved = queue.waiting[Int.random(in: 0..<queue.waiting.count, using: &generator)].caseID
    let total = Int.random(in: 0...24, using: &generator)
    return milliseconds { queue.reassess(moved, total: total) }
})
report("forecast over the whole queue (30 places)", (0..<rounds).map { _ in
    milliseconds {
        sink &+= QueueForecast(queue: queue, startedAt: [:], durations: [30 * 86_400, 40 * 86_400, 50 * 86_400], now: start)
            .starts.count
    }
})
if sink == 42 { print("") }
