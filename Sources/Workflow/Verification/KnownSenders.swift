import Domain
import Persistence
import Synchronization

/// What a sender's last stored message or object was stored on: the account and its case as they stood, the
/// profile's check and the session's head. The sender's next traffic is planned on it and appended by
/// `TestSessionStore.appendIfCurrent`, which checks in its one hop or statement that all of it still holds.
struct KnownSender<Check: Sendable>: Sendable {
    let account: SystemAccount
    let caseStanding: CaseStore.Standing
    let admission: TrafficAdmission.CaseStanding
    let check: Check
    let session: TestSession

    func advanced(to session: TestSession) -> KnownSender {
        KnownSender(account: account, caseStanding: caseStanding, admission: admission, check: check, session: session)
    }
}

/// The senders (HL7 sender names, DICOM calling AE titles) whose last traffic was stored, and on what. A stale entry
/// costs only the long way, since `appendIfCurrent` checks all of it.
final class KnownSenders<Key: Hashable & Sendable, Check: Sendable>: Sendable {
    private let senders = Mutex<[Key: KnownSender<Check>]>([:])

    func sender(_ key: Key) -> KnownSender<Check>? { senders.withLock { $0[key] } }
    func remember(_ key: Key, _ known: KnownSender<Check>) { senders.withLock { $0[key] = known } }
    func forget(_ key: Key) { _ = senders.withLock { $0.removeValue(forKey: key) } }
}
