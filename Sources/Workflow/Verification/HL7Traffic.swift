import Crypto
import Domain
import Foundation
import HL7
import Integration
import Persistence

/// HL7 messages arriving in the verification environment: each is matched to its verification account by MSH-3
/// and MSH-4 (and the address it came from when the account names some), checked against the platform's profile,
/// stored in the account's open test session (opened by the first message) with its findings and its ACK, and
/// only then answered. A message repeated within a session (same MSH-10) is stored once and answered with the
/// first ACK again. What cannot be attributed or taken is answered AR and not stored.
public struct HL7Traffic: Sendable {
    private let checks: [String: HL7MessageCheck]
    private let store: Store
    private let clock: any WallClock

    /// `profiles` are the platforms' HL7 profiles; the newest version of each platform's is used.
    public init(profiles: [HL7Profile], store: Store, clock: any WallClock) {
        var newest: [String: HL7Profile] = [:]
        for profile in profiles where (newest[profile.platform]?.version ?? 0) < profile.version {
            newest[profile.platform] = profile
        }
        checks = newest.mapValues(HL7MessageCheck.init)
        self.store = store
        self.clock = clock
    }

    /// The ACK for `bytes` (one message, unframed) received from `peer`.
    public func receive(_ bytes: [UInt8], from peer: String) async -> [UInt8] {
        let now = clock.now()
        let message: Message
        do {
            message = try Message(bytes: bytes)
        } catch {
            return reject(bytes, 207, "frame.unreadable", LocalizedText(
                sv: "Meddelandet kan inte läsas: \(error.description)", en: "The message cannot be read: \(error.description)"), now)
        }
        let application = message.sendingApplication?.namespaceID ?? ""
        let facility = message.sendingFacility?.namespaceID ?? ""
        do {
            let account = try await SystemAccountStore.active(
                application: application, facility: facility, environment: .verification, on: store)
            var record: CaseRecord?
            var standing: TrafficAdmission.CaseStanding?
            if let account {
                let loaded = try await CaseStore.load(account.caseID, on: store)
                let definition = try await DefinitionStore.definition(loaded.state.definition, on: store)
                record = loaded
                standing = TrafficAdmission.CaseStanding(
                    status: loaded.state.status,
                    phaseTakesTraffic: definition.phases.first { $0.id == loaded.state.currentPhase }?.takesVerificationTraffic ?? false)
            }
            if let refusal = TrafficAdmission.refusal(
                account: account, standing: standing, peer: IPAddress(peer), sender: "MSH-3 \(application), MSH-4 \(facility)")
            {
                return HL7Acknowledgement.build(for: message, code: .rejected, findings: [refusal], controlID: controlID(now), at: now)
            }
            guard let account, let record, let check = checks[record.platform] else {
                return reject(bytes, 207, "profile.missing", LocalizedText(
                    sv: "Plattformen har ingen HL7-profil.", en: "The platform has no HL7 profile."), now)
            }
            return try await store(message, bytes, account: account, subject: record.subject, check: check, at: now)
        } catch {
            // The message was not stored, so it is not acknowledged: the sender sends it again.
            return reject(bytes, 207, "application.internal-error", LocalizedText(
                sv: "Meddelandet kunde inte sparas; skicka det igen.", en: "The message could not be stored; send it again."), now)
        }
    }

    /// The AR for a frame over the size limit, built from its first bytes.
    public func oversize(prefix: [UInt8], length: Int) -> [UInt8] {
        reject(prefix, 207, "frame.too-large", LocalizedText(
            sv: "Meddelandet är \(length) byte, mer än vad som tas emot.",
            en: "The message is \(length) bytes, more than is accepted."), clock.now())
    }

    private func store(
        _ message: Message, _ bytes: [UInt8], account: SystemAccount, subject: String, check: HL7MessageCheck, at now: Date
    ) async throws -> [UInt8] {
        let (findings, summary) = check.check(message, verification: true, today: CivilDate(now))
        let code = AcknowledgementCode.for(findings)
        let sha256 = HexDigits.encode(SHA256.hash(data: bytes))
        return try await store.write(clock: clock) { tx in
            var session: TestSession
            if let open = try await TestSessionStore.openSession(of: account.id, on: tx.store) {
                session = open
                if !summary.controlID.isEmpty,
                   let first = try await TestSessionStore.acknowledgement(ofControlID: summary.controlID, in: session.id, on: tx.store)
                {
                    return first
                }
            } else {
                session = TestSession(
                    id: UUID(), accountID: account.id, caseID: account.caseID, profileID: check.profile.id,
                    profileVersion: check.profile.version, profileHash: check.profile.contentHash, openedAt: now)
                try await TestSessionStore.insert(session, in: tx)
                try await tx.audit(AuditEventDraft(
                    actor: .systemAccount(account.id), action: .testSessionOpen, subject: subject,
                    payload: [
                        "session": .string(session.id.uuidString), "account": .string(account.id.uuidString),
                        "profile": .string("\(check.profile.id)@\(check.profile.version)"),
                        "profileHash": .string(session.profileHash),
                    ]))
            }
            let sequence = session.messageCount + 1
            let hash = TestSessionChain.hash(
                previous: session.headHash, sequence: sequence, receivedAt: now, contentSHA256: sha256,
                acknowledgement: code.rawValue)
            let ack = HL7Acknowledgement.build(
                for: message, code: code, findings: findings, controlID: "ANSLUT\(sequence)-\(session.id.uuidString.prefix(8))", at: now)
            session.messageCount = sequence
            session.headHash = hash
            let received = ReceivedMessage(
                sequence: sequence, receivedAt: now, sha256: sha256, summary: summary, findings: findings,
                acknowledgement: code, hash: hash)
            try await TestSessionStore.append(received, raw: bytes, ack: ack, to: session, in: tx)
            return ack
        }
    }

    private func reject(_ bytes: [UInt8], _ code: Int, _ rule: String, _ text: LocalizedText, _ now: Date) -> [UInt8] {
        HL7Acknowledgement.rejection(
            of: bytes, finding: VerificationFinding(.error, code: code, rule: rule, at: nil, text), controlID: controlID(now),
            at: now)
    }

    /// An ACK's own MSH-10 when it belongs to no stored message.
    private func controlID(_ now: Date) -> String {
        "ANSLUT-\(UInt64(now.timeIntervalSince1970 * 1000))"
    }
}
