import Foundation

/// One case as the queue sees it: enough to rank it, to count the places it holds, and nothing the applicant's
/// view must not show (names are looked up by the pages for those allowed to see them).
public struct QueueEntry: Sendable, Hashable {
    public var caseID: UUID
    /// `TAKECARE-2026-0004`: what refusals name, for the coordinator.
    public var number: String
    public var organisationID: UUID
    public var status: CaseStatus
    public var resumeStatus: CaseStatus?
    /// The first submission; the tie rule's clock.
    public var submittedAt: Date
    /// The current assessment's total; nil when the case has not been assessed.
    public var total: Int?
    /// Why the coordinator passed the case over, while it is passed over.
    public var skipReason: String?

    public init(
        caseID: UUID, number: String, organisationID: UUID, status: CaseStatus, resumeStatus: CaseStatus? = nil,
        submittedAt: Date, total: Int?, skipReason: String? = nil
    ) {
        self.caseID = caseID
        self.number = number
        self.organisationID = organisationID
        self.status = status
        self.resumeStatus = resumeStatus
        self.submittedAt = submittedAt
        self.total = total
        self.skipReason = skipReason
    }

    /// What the queue's order compares, as plain numbers: the higher total first, then the earlier submission, then
    /// the case id's bytes (the order of its text). Sorting 10,000 entries by these keys instead of by the entries
    /// themselves took the queue's ordering from 14 ms to under 2 (BENCHMARKS.md, the queue).
    public struct RankKey: Comparable, Sendable {
        let negatedTotal: Int
        let submitted: Double
        let idHigh: UInt64
        let idLow: UInt64

        public static func < (a: Self, b: Self) -> Bool {
            (a.negatedTotal, a.submitted, a.idHigh, a.idLow) < (b.negatedTotal, b.submitted, b.idHigh, b.idLow)
        }
    }

    public var rankKey: RankKey {
        // The id's 16 bytes as two big-endian numbers compare as its text does (fixed-width hexadecimal).
        let (high, low) = withUnsafeBytes(of: caseID.uuid) {
            ($0.loadUnaligned(fromByteOffset: 0, as: UInt64.self).bigEndian,
             $0.loadUnaligned(fromByteOffset: 8, as: UInt64.self).bigEndian)
        }
        return RankKey(
            negatedTotal: -(total ?? Int.min + 1), submitted: submittedAt.timeIntervalSinceReferenceDate, idHigh: high,
            idLow: low)
    }

    /// The statuses of a case waiting for its onboarding to start.
    public static let waitingStatuses: [CaseStatus] = [.submitted, .triage, .queued]
    /// The statuses that may hold one of the team's places (see ``AssessmentMatrix/placeStatuses``).
    public static let placeHoldingStatuses: [CaseStatus] = [.inProgress, .onHold, .returnedForCompletion]
}
