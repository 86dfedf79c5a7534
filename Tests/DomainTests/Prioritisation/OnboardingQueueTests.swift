import Domain
import Foundation
import Testing

@Suite("Onboarding queue: order, places, offers and refusals")
struct OnboardingQueueTests {
    typealias F = PrioritisationFixtures
    let places = PrioritisationFixtures.matrix().placeStatuses

    func queue(_ entries: [QueueEntry], capacity: Int = 2, places: [CaseStatus]? = nil) -> OnboardingQueue {
        OnboardingQueue(entries: entries, capacity: capacity, placeStatuses: places ?? self.places)
    }

    @Test("assessed cases go by total, ties by earlier submission; the unassessed are apart, by submission")
    func order() {
        let q = queue([
            F.entry(1, .queued, total: 5, minute: 1),
            F.entry(2, .queued, total: 9, minute: 2),
            F.entry(3, .triage, total: 5, minute: 0),
            F.entry(4, .submitted, total: nil, minute: 4),
            F.entry(5, .triage, total: nil, minute: 3),
            F.entry(6, .draft, total: 20),
            F.entry(7, .rejected, total: 20),
        ])
        #expect(q.waiting.map(\.number) == ["T-2", "T-3", "T-1"])
        #expect(q.notAssessed.map(\.number) == ["T-5", "T-4"])
        #expect(q.standing(of: F.entry(3, .triage, total: 5).caseID) == .waiting(position: 2, of: 3))
        #expect(q.standing(of: F.entry(4, .submitted, total: nil).caseID) == .notAssessed(assessed: 3))
        #expect(q.standing(of: F.entry(6, .draft, total: nil).caseID) == nil)
        // T-3 ranks second but is still in triage: the offer goes to the first that can start.
        #expect(q.offered?.number == "T-2")
    }

    @Test("a re-assessment moves a case up and down without sorting the whole queue again", arguments: [
        (2, 10, ["T-2", "T-1", "T-3"]),
        (1, 0, ["T-2", "T-3", "T-1"]),
        (3, 7, ["T-1", "T-3", "T-2"]),
        (4, 3, ["T-1", "T-2", "T-4", "T-3"]),
    ])
    func reassessment(caseNumber: Int, total: Int, expected: [String]) {
        var q = queue([
            F.entry(1, .queued, total: 8, minute: 1), F.entry(2, .queued, total: 6, minute: 2),
            F.entry(3, .queued, total: 2, minute: 3), F.entry(4, .triage, total: nil, minute: 4),
        ])
        q.reassess(F.entry(caseNumber, .queued, total: nil).caseID, total: total)
        #expect(q.waiting.map(\.number) == expected)
        let sorted = queue(q.waiting + q.notAssessed).waiting
        #expect(q.waiting.map(\.caseID) == sorted.map(\.caseID), "the same order as sorting from scratch")
    }

    @Test("places: capacity growing and shrinking, withdrawal and rejection freeing one", arguments: [
        // (running statuses, capacity, free places, offered)
        ([CaseStatus.inProgress, .inProgress], 2, 0, false),
        ([.inProgress, .inProgress], 3, 1, true),
        ([.inProgress, .inProgress, .inProgress], 2, 0, false),
        ([.inProgress, .withdrawn], 2, 1, true),
        ([.inProgress, .rejected], 2, 1, true),
        ([.inProgress, .inProduction], 2, 1, true),
    ])
    func capacity(statuses: [CaseStatus], capacity: Int, free: Int, offered: Bool) {
        let running = statuses.enumerated().map { F.entry(10 + $0.offset, $0.element, total: 5) }
        let q = queue(running + [F.entry(1, .queued, total: 3)], capacity: capacity)
        #expect(q.freePlaces == free)
        #expect((q.offered != nil) == offered)
        #expect((q.startRefusal(of: F.entry(1, .queued, total: 3).caseID) == nil) == offered)
    }

    @Test("a case on hold keeps or frees its place as the matrix says; one held before it started holds none", arguments: [
        ([CaseStatus.inProgress, .onHold], CaseStatus.onHold, CaseStatus.inProgress, 1),
        ([.inProgress], .onHold, .inProgress, 0),
        ([.inProgress, .onHold], .onHold, .queued, 0),
        ([.inProgress, .returnedForCompletion], .returnedForCompletion, .inProgress, 1),
        ([.inProgress, .returnedForCompletion], .onHold, .inProgress, 0),
    ])
    func onHold(placeStatuses: [CaseStatus], status: CaseStatus, resume: CaseStatus, held: Int) {
        let q = queue([F.entry(1, status, total: 5, resume: resume)], places: placeStatuses)
        #expect(q.running.count == held)
        #expect(q.waiting.isEmpty, "a case on hold waits for nothing until resumed")
    }

    @Test("starting out of order or over capacity is refused with the reason; a skip passes the offer on")
    func refusals() {
        let first = F.entry(1, .queued, total: 9)
        let second = F.entry(2, .queued, total: 4)
        let unassessed = F.entry(3, .triage, total: nil)
        let q = queue([first, second, unassessed])
        #expect(q.startRefusal(of: first.caseID) == nil)
        #expect(q.startRefusal(of: second.caseID)?.en.contains("T-1 is ahead") == true)
        #expect(q.startRefusal(of: unassessed.caseID)?.en.contains("not assessed") == true)
        let skipped = queue([F.entry(1, .queued, total: 9, skip: "Leverantören är inte redo"), second])
        #expect(skipped.offered?.number == "T-2")
        #expect(skipped.startRefusal(of: second.caseID) == nil)
        let full = queue([first, F.entry(10, .inProgress, total: 1), F.entry(11, .inProgress, total: 1)])
        #expect(full.startRefusal(of: first.caseID)?.en.contains("All 2 places are taken") == true)
    }
}
