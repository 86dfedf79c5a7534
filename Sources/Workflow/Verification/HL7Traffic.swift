import Crypto
import Domain
import Foundation
import HL7
import Integration
import Persistence
import Synchronization

/// HL7 messages arriving in the verification environment: each is matched to its verification account by MSH-3
/// and MSH-4 (and the address it came from when the account names some), checked against the platform's profile,
/// stored in the account's open test session (opened by the first message) with its findings and its ACK, and
/// only then answered. A message repeated within a session (same MSH-10) is stored once and answered with the
/// first ACK again. What cannot be attributed or taken is answered AR and not stored.
///
/// Parsing and checking run on the caller's thread or task, so many connections check at once; storing goes through
/// one ``GroupCommit``, which writes the messages that arrive together in one transaction. The account and its
/// case are read again inside that transaction, so a pause or a phase change committed before it is obeyed.
public struct HL7Traffic: Sendable {
    private let checks: [String: HL7MessageCheck]
    private let store: Store
    private let clock: any WallClock
    private let platforms = SenderPlatforms()
    private let commits: GroupCommit<Arrival, [UInt8]>

    /// `profiles` are the platforms' HL7 profiles; the newest version of each platform's is used. At most
    /// `maximumBatch` messages share a transaction, whose commit survives `durability` before the ACKs go out.
    public init(
        profiles: [HL7Profile], store: Store, clock: any WallClock, durability: CommitDurability = .powerLoss,
        maximumBatch: Int = 256
    ) {
        var newest: [String: HL7Profile] = [:]
        for profile in profiles where (newest[profile.platform]?.version ?? 0) < profile.version {
            newest[profile.platform] = profile
        }
        let checks = newest.mapValues(HL7MessageCheck.init)
        self.checks = checks
        self.store = store
        self.clock = clock
        let storage = HL7TrafficStorage(checks: checks, store: store, clock: clock, durability: durability)
        commits = GroupCommit(maximumBatch: maximumBatch) { await storage.write($0) }
    }

    /// The ACK for `bytes` (one message, unframed) received from `peer`.
    public func receive(_ bytes: [UInt8], from peer: String) async -> [UInt8] {
        let now = clock.now()
        let message: Message, sender: Sender
        switch read(bytes, now) {
        case .success(let read): (message, sender) = read
        case .failure(let answer): return answer.ack
        }
        let platform: String?
        do {
            platform = try await platforms.platform(of: sender, on: store)
        } catch {
            return HL7TrafficStorage.notStored(bytes, now)
        }
        switch arrival(message, sender, platform, bytes, peer, now) {
        case .success(let arrival): return await commits.submit(arrival)
        case .failure(let answer): return answer.ack
        }
    }

    /// Answers `bytes` received from `peer` through `answer`, called once from any thread. The caller's thread
    /// (the MLLP listener's event loop) reads and checks a message of ordinary size from a sender whose platform is
    /// known, and queues it for the next batch: no task per message. Anything else, a large message or a sender
    /// seen for the first time (read from the database), goes through ``receive(_:from:)`` in a task.
    public func receive(_ bytes: [UInt8], from peer: String, answer: @escaping @Sendable ([UInt8]) -> Void) {
        let now = clock.now()
        guard bytes.count <= Self.inlineLimit else {
            Task { answer(await receive(bytes, from: peer)) }
            return
        }
        let message: Message, sender: Sender
        switch read(bytes, now) {
        case .success(let read): (message, sender) = read
        case .failure(let refused): return answer(refused.ack)
        }
        guard let platform = platforms.known(sender) else {
            Task { answer(await receive(bytes, from: peer)) }
            return
        }
        switch arrival(message, sender, platform, bytes, peer, now) {
        case .success(let arrival): commits.submit(arrival, then: answer)
        case .failure(let refused): answer(refused.ack)
        }
    }

    /// The largest message read and checked on the caller's thread: a typical message takes microseconds, the
    /// largest allowed (10 MB) tens of milliseconds, which would hold up every connection of an event loop.
    private static let inlineLimit = 64 * 1024

    /// An answer given without storing: an AR, or an ACK for a message that is not taken.
    private struct Refused: Error {
        let ack: [UInt8]
    }

    /// The message and its sender, or the AR of a message that cannot be read.
    private func read(_ bytes: [UInt8], _ now: Date) -> Result<(message: Message, sender: Sender), Refused> {
        let message: Message
        do {
            message = try Message(bytes: bytes)
        } catch {
            return .failure(Refused(ack: HL7TrafficStorage.reject(bytes, 207, "frame.unreadable", LocalizedText(
                sv: "Meddelandet kan inte läsas: \(error.description)", en: "The message cannot be read: \(error.description)"),
                now)))
        }
        return .success((message, Sender(
            application: message.sendingApplication?.namespaceID ?? "", facility: message.sendingFacility?.namespaceID ?? "")))
    }

    /// The message checked against its platform's profile, ready for its batch; or the answer when the sender is
    /// unknown or its platform has no profile.
    private func arrival(
        _ message: Message, _ sender: Sender, _ platform: String?, _ bytes: [UInt8], _ peer: String, _ now: Date
    ) -> Result<Arrival, Refused> {
        guard let platform else {
            // Unknown: answered without storing. The transaction asks again for senders it has seen.
            let refusal = TrafficAdmission.refusal(account: nil, standing: nil, peer: nil, sender: sender.description)
            return .failure(Refused(ack: HL7Acknowledgement.build(
                for: message, code: .rejected, findings: refusal.map { [$0] } ?? [],
                controlID: HL7TrafficStorage.controlID(now), at: now)))
        }
        guard let check = checks[platform] else {
            return .failure(Refused(ack: HL7TrafficStorage.reject(bytes, 207, "profile.missing", LocalizedText(
                sv: "Plattformen har ingen HL7-profil.", en: "The platform has no HL7 profile."), now)))
        }
        // The findings' sentences are worded here, on the connection's own thread, once, and the stored JSON, the
        // digest and the ACK but its control id made: the shared write (group commit), which every sender waits on,
        // only puts them together.
        let (checked, summary) = check.check(message, verification: true, today: CivilDate(now))
        let findings = checked.map(\.worded)
        return .success(Arrival(
            message: message, bytes: bytes, sha256: HexDigits.encode(SHA256.hash(data: bytes)), peer: peer,
            peerAddress: IPAddress(peer), sender: sender, platform: platform, findings: findings, summary: summary,
            json: TestSessionStore.MessageJSON(summary: summary, findings: findings),
            ack: HL7AcknowledgementTemplate(
                for: message, code: AcknowledgementCode.for(findings), findings: findings, at: now)))
    }

    /// The AR for a frame over the size limit, built from its first bytes.
    public func oversize(prefix: [UInt8], length: Int) -> [UInt8] {
        HL7TrafficStorage.reject(prefix, 207, "frame.too-large", LocalizedText(
            sv: "Meddelandet är \(length) byte, mer än vad som tas emot.",
            en: "The message is \(length) bytes, more than is accepted."), clock.now())
    }
}

/// A sender as MSH-3 and MSH-4 name it.
struct Sender: Hashable, Sendable, CustomStringConvertible {
    let application: String
    let facility: String

    var description: String { "MSH-3 \(application), MSH-4 \(facility)" }
}

/// A checked message on its way to its session.
struct Arrival: Sendable {
    let message: Message
    let bytes: [UInt8]
    /// SHA-256 of `bytes`, in hex.
    let sha256: String
    let peer: String
    /// `peer` read as an address, for accounts that name the addresses they send from.
    let peerAddress: IPAddress?
    let sender: Sender
    /// The platform whose profile checked it.
    let platform: String
    let findings: [VerificationFinding]
    let summary: HL7MessageSummary
    /// `summary` and `findings` as stored.
    let json: TestSessionStore.MessageJSON
    /// The ACK of `findings`, but for its own control id.
    let ack: HL7AcknowledgementTemplate
}

/// Which platform's profile checks a sender's messages, remembered once known: an account's case never changes
/// platform. Whether the account may send is decided again for every message, inside the transaction that
/// stores it; unknown senders are looked up every time, since an account may be registered at any moment.
private final class SenderPlatforms: Sendable {
    private let known = Mutex<[Sender: String]>([:])

    /// The platform, if the sender was seen before.
    func known(_ sender: Sender) -> String? {
        known.withLock { $0[sender] }
    }

    func platform(of sender: Sender, on store: Store) async throws -> String? {
        if let platform = known(sender) { return platform }
        guard let account = try await SystemAccountStore.active(
            application: sender.application, facility: sender.facility, environment: .verification, on: store),
            let standing = try await CaseStore.standing(of: account.caseID, on: store)
        else { return nil }
        known.withLock { $0[sender] = standing.platform }
        return standing.platform
    }
}
