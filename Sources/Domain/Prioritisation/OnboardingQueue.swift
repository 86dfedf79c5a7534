import Foundation

/// A platform's queue: which cases hold the team's places, the assessed cases waiting to start in the matrix's
/// order (highest total first, then the tie rule), the cases not yet assessed (listed apart, by submission), and
/// which case is offered when a place is free. The rules live here, as values; stores only read the entries.
public struct OnboardingQueue: Sendable {
    /// How many onboardings the team runs at once.
    public let capacity: Int
    /// The cases holding a place, by submission.
    public private(set) var running: [QueueEntry]
    /// The assessed cases waiting, first to start first.
    public private(set) var waiting: [QueueEntry]
    /// Submitted and triaged cases without an assessment, by submission.
    public private(set) var notAssessed: [QueueEntry]

    /// `entries` are the platform's cases in the statuses of ``QueueEntry/waitingStatuses`` and
    /// ``QueueEntry/placeHoldingStatuses``; others are ignored. `placeStatuses` is the matrix's rule.
    public init(entries: [QueueEntry], capacity: Int, placeStatuses: [CaseStatus]) {
        self.capacity = capacity
        var running: [QueueEntry] = []
        var waiting: [QueueEntry] = []
        var notAssessed: [QueueEntry] = []
        for entry in entries {
            if Self.holdsPlace(entry, placeStatuses: placeStatuses) {
                running.append(entry)
            } else if QueueEntry.waitingStatuses.contains(entry.status) {
                if entry.total == nil { notAssessed.append(entry) } else { waiting.append(entry) }
            }
        }
        self.running = running.sorted(by: Self.bySubmission)
        self.waiting = Self.ranked(waiting)
        // Without totals the keys order by submission, then id: the same order as `bySubmission`, as fast as `waiting`.
        self.notAssessed = Self.ranked(notAssessed)
    }

    /// Whether a case holds a place: its status is one the matrix lists, and a case on hold or returned for completion
    /// only when it goes back to work in progress (a queued case put on hold holds none).
    public static func holdsPlace(_ entry: QueueEntry, placeStatuses: [CaseStatus]) -> Bool {
        guard placeStatuses.contains(entry.status) else { return false }
        switch entry.status {
        case .inProgress: return true
        case .onHold, .returnedForCompletion: return entry.resumeStatus == .inProgress
        default: return false
        }
    }

    /// `entries` in the matrix's order (the higher total first; equal totals by earlier submission; then by case id,
    /// so that the order never depends on how the rows were read; ``QueueEntry/RankKey``): their keys are computed once and sorted with their positions, then the
    /// entries are gathered, so the sort moves 40-byte keys instead of entries and compares numbers only.
    static func ranked(_ entries: [QueueEntry]) -> [QueueEntry] {
        let keys = entries.enumerated().map { ($1.rankKey, $0) }.sorted { $0.0 < $1.0 }
        return keys.map { entries[$0.1] }
    }

    private static func bySubmission(_ a: QueueEntry, _ b: QueueEntry) -> Bool {
        guard a.submittedAt == b.submittedAt else { return a.submittedAt < b.submittedAt }
        let (ka, kb) = (a.rankKey, b.rankKey)
        return (ka.idHigh, ka.idLow) < (kb.idHigh, kb.idLow)
    }

    /// Places not held, never below 0 (the capacity may have shrunk below the running cases).
    public var freePlaces: Int { max(0, capacity - running.count) }

    /// The case to start next: the first waiting case that is queued (its intake done) and not passed over, while a
    /// place is free.
    public var offered: QueueEntry? {
        freePlaces > 0 ? nextInLine : nil
    }

    /// The first waiting case that could be started, whether or not a place is free.
    public var nextInLine: QueueEntry? {
        waiting.first { $0.status == .queued && $0.skipReason == nil }
    }

    /// Where one case stands.
    public enum Standing: Sendable, Hashable {
        /// Waiting at `position` (1 is next) of `of` assessed cases.
        case waiting(position: Int, of: Int)
        /// Submitted or in triage, not yet assessed; `assessed` cases are already in line.
        case notAssessed(assessed: Int)
        /// Holding one of the team's places.
        case running
    }

    public func standing(of caseID: UUID) -> Standing? {
        if let index = waiting.firstIndex(where: { $0.caseID == caseID }) {
            return .waiting(position: index + 1, of: waiting.count)
        }
        if notAssessed.contains(where: { $0.caseID == caseID }) { return .notAssessed(assessed: waiting.count) }
        if running.contains(where: { $0.caseID == caseID }) { return .running }
        return nil
    }

    /// Why starting `caseID` now breaks the queue's rules, or nil when it keeps them: every place is held, or a
    /// case that could start ranks before it, or it has no assessment. A coordinator may still start it by giving a
    /// reason (the override is audited).
    public func startRefusal(of caseID: UUID) -> LocalizedText? {
        if freePlaces == 0 {
            return LocalizedText(
                sv: "Alla \(capacity) platser är upptagna (\(running.count) anslutningar pågår). Ange ett skäl för att starta ändå.",
                en: "All \(capacity) places are taken (\(running.count) onboardings in progress). Give a reason to start anyway.")
        }
        guard let index = waiting.firstIndex(where: { $0.caseID == caseID }) else {
            return LocalizedText(
                sv: "Ärendet är inte bedömt och har ingen plats i kön. Ange ett skäl för att starta ändå.",
                en: "The case is not assessed and has no place in the queue. Give a reason to start anyway.")
        }
        if let first = nextInLine, let firstIndex = waiting.firstIndex(of: first), firstIndex < index {
            return LocalizedText(
                sv: "\(first.number) ligger före i kön (\(first.total ?? 0) poäng mot \(waiting[index].total ?? 0)). Starta det, hoppa över det med ett skäl, eller ange ett skäl för att starta detta ändå.",
                en: "\(first.number) is ahead in the queue (\(first.total ?? 0) points against \(waiting[index].total ?? 0)). Start it, skip it with a reason, or give a reason to start this one anyway.")
        }
        return nil
    }

    /// Moves one waiting case to the place its new total gives it (after a re-assessment), without sorting the whole
    /// queue again: what the kept queue does after each assessment. False when the case is not waiting (running, or
    /// not in the queue), and nothing changed.
    @discardableResult
    public mutating func reassess(_ caseID: UUID, total: Int) -> Bool {
        if let index = waiting.firstIndex(where: { $0.caseID == caseID }) {
            var entry = waiting.remove(at: index)
            entry.total = total
            entry.skipReason = nil
            insert(entry)
        } else if let index = notAssessed.firstIndex(where: { $0.caseID == caseID }) {
            var entry = notAssessed.remove(at: index)
            entry.total = total
            insert(entry)
        } else {
            return false
        }
        return true
    }

    private mutating func insert(_ entry: QueueEntry) {
        let key = entry.rankKey
        var low = 0
        var high = waiting.count
        while low < high {
            let mid = (low + high) / 2
            if waiting[mid].rankKey < key { low = mid + 1 } else { high = mid }
        }
        waiting.insert(entry, at: low)
    }
}
