import Domain
import Foundation
import Persistence
import Synchronization

/// Each platform's ordered queue, kept between requests and valid while the audit trail's head is where it was when
/// it was read: every change that can move a case in a queue (a status, an assessment, a skip, the capacity, a
/// matrix) is audited in its own transaction, so an unchanged head means an unchanged queue, also across instances
/// sharing one PostgreSQL database. A re-assessment moves its case in the kept queue instead of dropping it, so the
/// answer right after it needs no new read of 10,000 rows (BENCHMARKS.md, the queue).
///
/// The head is read before the rows: a change committed in between makes the kept queue look older than it is,
/// which costs one read more, never a stale answer.
public final class QueueCache: Sendable {
    public struct Kept: Sendable {
        public let queue: OnboardingQueue
        public let matrix: AssessmentMatrix?
        let head: Int64
    }

    private let kept = Mutex<[String: Kept]>([:])

    public init() {}

    /// The platform's queue as it is now: the kept one when nothing was audited since it was read, else read again.
    public func queue(of platform: String, in store: Store) async throws -> Kept {
        let head = try await AuditLog.headSequence(on: store)
        if let kept = kept.withLock({ $0[platform] }), kept.head == head { return kept }
        let (queue, matrix) = try await QueueWorkflow.read(platform, in: store)
        let fresh = Kept(queue: queue, matrix: matrix, head: head)
        kept.withLock { $0[platform] = fresh }
        return fresh
    }

    /// Moves a re-assessed case in the kept queue when the re-assessment's audit event, at `sequence`, is the only
    /// change since it was read; otherwise forgets it, to be read again.
    func reassessed(_ caseID: UUID, total: Int, on platform: String, auditedAt sequence: Int64) {
        kept.withLock { kept in
            guard var entry = kept[platform], entry.head == sequence - 1 else {
                kept[platform] = nil
                return
            }
            var queue = entry.queue
            guard queue.reassess(caseID, total: total) else {
                kept[platform] = nil
                return
            }
            entry = Kept(queue: queue, matrix: entry.matrix, head: sequence)
            kept[platform] = entry
        }
    }
}
