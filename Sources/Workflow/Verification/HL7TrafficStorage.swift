import Domain
import Foundation
import HL7
import Integration
import Persistence

/// Stores a batch of checked HL7 messages, each sender's in a transaction of its own: the account and its case
/// are read (inside the transaction, so a pause or phase change committed before it counts), refused messages get
/// their AR, and the rest are appended to the account's open test session (opened and audited by the first
/// message) with their ACKs, repeated control ids answered with the first ACK. If a transaction fails, nothing of
/// its messages was stored and each is answered AR, so its sender sends it again.
///
/// Once a sender's batch is stored, what it was stored on (the account, its case, the session's head) is kept,
/// and the sender's next batch is planned on that and stored by `TestSessionStore.appendIfCurrent`, which checks
/// in its one hop or statement that all of it still holds; only when something changed (a pause, a phase, a
/// repeated control id, another instance's append, a DICOM object) is the batch written the long way.
struct HL7TrafficStorage: Sendable {
    let checks: [String: HL7MessageCheck]
    let store: Store
    let clock: any WallClock
    /// What a batch's commit survives before its ACKs go out.
    let durability: CommitDurability
    private let known = KnownSenders<Sender, HL7MessageCheck>()

    init(checks: [String: HL7MessageCheck], store: Store, clock: any WallClock, durability: CommitDurability) {
        self.checks = checks
        self.store = store
        self.clock = clock
        self.durability = durability
    }

    /// One ACK per arrival, in order.
    func write(_ arrivals: [Arrival]) async -> [[UInt8]] {
        var senders: [Sender: [Int]] = [:]
        var order: [Sender] = []
        for index in arrivals.indices {
            let sender = arrivals[index].sender
            if senders[sender] == nil { order.append(sender) }
            senders[sender, default: []].append(index)
        }
        var acks = [[UInt8]](repeating: [], count: arrivals.count)
        for sender in order {
            let indices = senders[sender] ?? []
            let group = indices.map { arrivals[$0] }
            var answers = await appendToKnownSession(group, from: sender)
            if answers == nil { answers = await writeInTransaction(group, from: sender) }
            for (index, ack) in zip(indices, answers ?? []) { acks[index] = ack }
        }
        return acks
    }

    /// The ACKs of one sender's arrivals stored on what its last batch found; nil when nothing is known of the
    /// sender, when any arrival would be refused, or when something changed since.
    private func appendToKnownSession(_ arrivals: [Arrival], from sender: Sender) async -> [[UInt8]]? {
        guard let found = known.sender(sender) else { return nil }
        for arrival in arrivals where TrafficAdmission.refusal(
            account: found.account, standing: found.admission, peer: arrival.peerAddress, sender: sender.description) != nil
        {
            return nil
        }
        do {
            let planned = Self.plan(arrivals, session: found.session, answered: [:], check: found.check, at: clock.now())
            let expected = TrafficExpectation(
                account: found.account, caseStanding: found.caseStanding, previousCount: found.session.messageCount,
                controlIDs: planned.controlIDs)
            guard try await TestSessionStore.appendIfCurrent(
                planned.stored, to: planned.session, expected: expected, durability: durability, on: store)
            else {
                known.forget(sender)
                return nil
            }
            known.remember(sender, found.advanced(to: planned.session))
            return planned.acks
        } catch {
            known.forget(sender)
            return nil
        }
    }

    /// The ACKs of one sender's arrivals, stored in a write transaction that reads everything again.
    private func writeInTransaction(_ arrivals: [Arrival], from sender: Sender) async -> [[UInt8]] {
        do {
            let (acks, stored) = try await store.write(clock: clock, durability: durability) { tx in
                try await admitAndAppend(arrivals, from: sender, in: tx)
            }
            if let stored { known.remember(sender, stored) } else { known.forget(sender) }
            return acks
        } catch {
            known.forget(sender)
            let now = clock.now()
            return arrivals.map { Self.notStored($0.bytes, now) }
        }
    }

    /// The ACKs of one sender's arrivals, in order, and what they were stored on when all were taken.
    private func admitAndAppend(
        _ arrivals: [Arrival], from sender: Sender, in tx: WriteTransaction
    ) async throws -> ([[UInt8]], KnownSender<HL7MessageCheck>?) {
        let now = tx.now
        // The account, its case and its open session in one statement.
        let found = try await HL7SenderStanding.read(application: sender.application, facility: sender.facility, in: tx)
        let account = found?.account
        var standing: VerificationSessions.Standing?
        if let caseStanding = found?.caseStanding { standing = try await VerificationSessions.standing(caseStanding, on: tx.store) }
        var acks = [[UInt8]?](repeating: nil, count: arrivals.count)
        var taken: [Int] = []
        for (index, arrival) in arrivals.enumerated() {
            if let refusal = TrafficAdmission.refusal(
                account: account, standing: standing?.admission, peer: arrival.peerAddress, sender: sender.description)
            {
                acks[index] = HL7Acknowledgement.build(
                    for: arrival.message, code: .rejected, findings: [refusal], controlID: Self.controlID(now), at: now)
            } else {
                taken.append(index)
            }
        }
        guard let account, let standing, let caseStanding = found?.caseStanding, !taken.isEmpty else {
            return (acks.map { $0 ?? [] }, nil)
        }
        guard let check = checks[standing.platform] else {
            for index in taken {
                acks[index] = Self.reject(arrivals[index].bytes, 207, "profile.missing", LocalizedText(
                    sv: "Plattformen har ingen HL7-profil.", en: "The platform has no HL7 profile."), now)
            }
            return (acks.map { $0 ?? [] }, nil)
        }
        let session = if let open = found?.openSession { open } else {
            try await VerificationSessions.open(for: account, hl7: check.profile, in: tx)
        }
        let answered = try await TestSessionStore.acknowledgements(
            ofControlIDs: Set(taken.map { arrivals[$0].summary.controlID }.filter { !$0.isEmpty }), in: session.id,
            on: tx.store)
        let planned = Self.plan(taken.map { arrivals[$0] }, session: session, answered: answered, check: check, at: now)
        try await TestSessionStore.append(planned.stored, to: planned.session, in: tx)
        for (position, index) in taken.enumerated() { acks[index] = planned.acks[position] }
        let stored = taken.count == arrivals.count
            ? KnownSender(
                account: account, caseStanding: caseStanding, admission: standing.admission, check: check,
                session: planned.session)
            : nil
        return (acks.map { $0 ?? [] }, stored)
    }

    /// What storing `arrivals` in `session` comes to: each one's ACK, the rows to store, and the session's new head.
    /// A control id in `answered`, or earlier in the batch, is answered with its first ACK and not stored again.
    static func plan(
        _ arrivals: [Arrival], session: TestSession, answered: [String: [UInt8]], check: HL7MessageCheck, at now: Date
    ) -> PlannedAppend {
        var session = session
        var answered = answered
        var stored: [TestSessionStore.Arrival] = []
        var acks: [[UInt8]] = []
        var controlIDs: Set<String> = []
        let ackSuffix = "-\(session.id.uuidString.prefix(8))"
        for arrival in arrivals {
            let controlID = arrival.summary.controlID
            if !controlID.isEmpty {
                controlIDs.insert(controlID)
                if let first = answered[controlID] {
                    acks.append(first)
                    continue
                }
            }
            // Checked against another platform's profile only if the sender's account moved to another case
            // since its platform was remembered.
            var (findings, summary, json, template) = (arrival.findings, arrival.summary, arrival.json, arrival.ack)
            let code: AcknowledgementCode
            if arrival.platform == check.profile.platform {
                code = AcknowledgementCode.for(findings)
            } else {
                (findings, summary) = check.check(arrival.message, verification: true, today: CivilDate(now))
                json = TestSessionStore.MessageJSON(summary: summary, findings: findings)
                code = AcknowledgementCode.for(findings)
                template = HL7AcknowledgementTemplate(for: arrival.message, code: code, findings: findings, at: now)
            }
            let sequence = session.messageCount + 1
            let hash = TestSessionChain.hash(
                previous: session.headHash, sequence: sequence, receivedAt: now, contentSHA256: arrival.sha256,
                acknowledgement: code.rawValue)
            let ack = template.filled(controlID: "ANSLUT\(sequence)\(ackSuffix)")
            session.messageCount = sequence
            session.headHash = hash
            stored.append(TestSessionStore.Arrival(
                message: ReceivedMessage(
                    sequence: sequence, receivedAt: now, sha256: arrival.sha256, summary: summary, findings: findings,
                    acknowledgement: code, hash: hash),
                json: json, raw: arrival.bytes, ack: ack))
            if !controlID.isEmpty { answered[controlID] = ack }
            acks.append(ack)
        }
        return PlannedAppend(session: session, stored: stored, acks: acks, controlIDs: controlIDs.sorted())
    }

    static func reject(_ bytes: [UInt8], _ code: Int, _ rule: String, _ text: LocalizedText, _ now: Date) -> [UInt8] {
        HL7Acknowledgement.rejection(
            of: bytes, finding: VerificationFinding(.error, code: code, rule: rule, at: nil, text), controlID: controlID(now),
            at: now)
    }

    /// The AR for a message that could not be stored: not acknowledged, so its sender sends it again.
    static func notStored(_ bytes: [UInt8], _ now: Date) -> [UInt8] {
        reject(bytes, 207, "application.internal-error", LocalizedText(
            sv: "Meddelandet kunde inte sparas; skicka det igen.", en: "The message could not be stored; send it again."), now)
    }

    /// An ACK's own MSH-10 when it belongs to no stored message.
    static func controlID(_ now: Date) -> String {
        "ANSLUT-\(UInt64(now.timeIntervalSince1970 * 1000))"
    }
}

/// A batch as `HL7TrafficStorage.plan` lays it out.
struct PlannedAppend {
    /// The session with its head advanced past the batch.
    let session: TestSession
    let stored: [TestSessionStore.Arrival]
    /// One per arrival, in order.
    let acks: [[UInt8]]
    /// The batch's distinct control ids.
    let controlIDs: [String]
}
