import Domain
import Foundation
import HL7
import Integration
import Persistence

/// Stores a batch of checked HL7 messages in one write transaction: per sender, the account and its case are
/// read (inside the transaction, so a pause or phase change committed before it counts), refused messages get
/// their AR, and the rest are appended to the account's open test session (opened and audited by the first
/// message) with their ACKs, repeated control ids answered with the first ACK. If the transaction fails, nothing
/// of the batch was stored and every message is answered AR, so its sender sends it again.
struct HL7TrafficStorage: Sendable {
    let checks: [String: HL7MessageCheck]
    let store: Store
    let clock: any WallClock
    /// What a batch's commit survives before its ACKs go out.
    let durability: CommitDurability

    /// One ACK per arrival, in order.
    func write(_ arrivals: [Arrival]) async -> [[UInt8]] {
        do {
            return try await store.write(clock: clock, durability: durability) { tx in
                var acks = [[UInt8]?](repeating: nil, count: arrivals.count)
                var senders: [Sender: [Int]] = [:]
                var order: [Sender] = []
                for index in arrivals.indices {
                    let sender = arrivals[index].sender
                    if senders[sender] == nil { order.append(sender) }
                    senders[sender, default: []].append(index)
                }
                for sender in order {
                    let indices = senders[sender] ?? []
                    for (index, ack) in try await admitAndAppend(indices.map { arrivals[$0] }, from: sender, in: tx)
                        .enumerated()
                    {
                        acks[indices[index]] = ack
                    }
                }
                return acks.map { $0 ?? [] }
            }
        } catch {
            let now = clock.now()
            return arrivals.map { Self.notStored($0.bytes, now) }
        }
    }

    /// The ACKs of one sender's arrivals, in order.
    private func admitAndAppend(_ arrivals: [Arrival], from sender: Sender, in tx: WriteTransaction) async throws -> [[UInt8]] {
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
                account: account, standing: standing?.admission, peer: IPAddress(arrival.peer), sender: sender.description)
            {
                acks[index] = HL7Acknowledgement.build(
                    for: arrival.message, code: .rejected, findings: [refusal], controlID: Self.controlID(now), at: now)
            } else {
                taken.append(index)
            }
        }
        if let account, let standing, !taken.isEmpty {
            guard let check = checks[standing.platform] else {
                for index in taken {
                    acks[index] = Self.reject(arrivals[index].bytes, 207, "profile.missing", LocalizedText(
                        sv: "Plattformen har ingen HL7-profil.", en: "The platform has no HL7 profile."), now)
                }
                return acks.map { $0 ?? [] }
            }
            let stored = try await append(
                taken.map { arrivals[$0] }, account: account, openSession: found?.openSession, check: check, in: tx)
            for (position, index) in taken.enumerated() { acks[index] = stored[position] }
        }
        return acks.map { $0 ?? [] }
    }

    /// Appends the arrivals to the account's open session, opening one if it has none; returns their ACKs.
    private func append(
        _ arrivals: [Arrival], account: SystemAccount, openSession: TestSession?, check: HL7MessageCheck,
        in tx: WriteTransaction
    ) async throws -> [[UInt8]] {
        let now = tx.now
        var session = if let openSession { openSession } else {
            try await VerificationSessions.open(for: account, hl7: check.profile, in: tx)
        }
        var answered = try await TestSessionStore.acknowledgements(
            ofControlIDs: Set(arrivals.map(\.summary.controlID).filter { !$0.isEmpty }), in: session.id, on: tx.store)
        var stored: [TestSessionStore.Arrival] = []
        var acks: [[UInt8]] = []
        for arrival in arrivals {
            let controlID = arrival.summary.controlID
            if !controlID.isEmpty, let first = answered[controlID] {
                acks.append(first)
                continue
            }
            // Checked against another platform's profile only if the sender's account moved to another case
            // since its platform was remembered.
            var (findings, summary, json) = (arrival.findings, arrival.summary, arrival.json)
            if arrival.platform != check.profile.platform {
                (findings, summary) = check.check(arrival.message, verification: true, today: CivilDate(now))
                json = try TestSessionStore.MessageJSON(summary: summary, findings: findings)
            }
            let code = AcknowledgementCode.for(findings)
            let sequence = session.messageCount + 1
            let hash = TestSessionChain.hash(
                previous: session.headHash, sequence: sequence, receivedAt: now, contentSHA256: arrival.sha256,
                acknowledgement: code.rawValue)
            let ack = HL7Acknowledgement.build(
                for: arrival.message, code: code, findings: findings,
                controlID: "ANSLUT\(sequence)-\(session.id.uuidString.prefix(8))", at: now)
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
        try await TestSessionStore.append(stored, to: session, in: tx)
        return acks
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
