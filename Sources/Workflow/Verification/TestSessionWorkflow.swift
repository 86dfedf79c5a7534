import Domain
import Foundation
import Persistence

/// Closing a test session: its protocol is written from what was received, frozen with its hash, and the hash goes
/// into the audit trail. The account's next message opens a new session.
public enum TestSessionWorkflow {
    /// Closes the session and returns its protocol; `profiles` are the published HL7 profiles, one of which the
    /// session names by id, version and hash, and `dicomProfiles` the DICOM ones, one of which it names once it
    /// received an object.
    public static func close(
        _ sessionID: UUID, on caseID: UUID, profiles: [HL7Profile], dicomProfiles: [DICOMProfile] = [],
        by principal: Principal, in store: Store, clock: any WallClock
    ) async throws -> TestProtocol {
        try await store.write(clock: clock) { tx in
            let (record, roles) = try await CaseAccess.visibleCase(caseID, to: principal, on: tx.store)
            if let refusal = SystemAccountRules.closeRefusal(holding: roles) { throw CaseRefused(refusal: refusal) }
            let session = try await TestSessionStore.session(sessionID, of: caseID, on: tx.store)
            guard session.closedAt == nil else {
                throw CaseRefused(refusal: CaseRefusal(.wrongState, LocalizedText(
                    sv: "Testsessionen är redan stängd; dess protokoll är fryst.",
                    en: "The test session is closed already; its protocol is frozen.")))
            }
            guard let profile = profiles.first(where: {
                $0.id == session.profileID && $0.version == session.profileVersion && $0.contentHash == session.profileHash
            }), let account = try await SystemAccountStore.account(session.accountID, on: tx.store) else {
                throw CaseRefused(refusal: CaseRefusal(.definitionMismatch, LocalizedText(
                    sv: "Profilen \(session.profileID)@\(session.profileVersion) som sessionen använde finns inte längre.",
                    en: "The profile \(session.profileID)@\(session.profileVersion) the session used is no longer there.")))
            }
            let dicomProfile = try session.dicomProfile.map { pinned in
                guard let found = dicomProfiles.first(where: {
                    $0.id == pinned.id && $0.version == pinned.version && $0.contentHash == pinned.contentHash
                }) else {
                    throw CaseRefused(refusal: CaseRefusal(.definitionMismatch, LocalizedText(
                        sv: "DICOM-profilen \(pinned.id)@\(pinned.version) som sessionen använde finns inte längre.",
                        en: "The DICOM profile \(pinned.id)@\(pinned.version) the session used is no longer there.")))
                }
                return found
            }
            let testProtocol = TestProtocol(
                session: session, closedAt: tx.now, messages: try await TestSessionStore.messages(of: sessionID, on: tx.store),
                profile: profile, account: account, caseNumber: record.number, platform: record.platform,
                system: record.fields["system_name"] ?? "",
                objects: try await TestSessionStore.objects(of: sessionID, on: tx.store), dicomProfile: dicomProfile)
            let hash = testProtocol.contentHash
            guard try await TestSessionStore.close(sessionID, at: tx.now, protocolJSON: testProtocol.canonicalJSON, protocolHash: hash, in: tx)
            else { throw CaseNotFound() }
            try await tx.audit(AuditEventDraft(
                actor: principal.actor, action: .testSessionClose, subject: record.subject,
                payload: [
                    "session": .string(sessionID.uuidString), "protocolHash": .string(hash),
                    "chainHead": .string(session.headHash), "messages": .int(Int64(session.messageCount)),
                    "verdict": .string(testProtocol.verdict.rawValue),
                ]))
            return testProtocol
        }
    }
}
