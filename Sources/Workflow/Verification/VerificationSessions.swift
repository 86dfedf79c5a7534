import Domain
import Foundation
import Persistence

/// What HL7 and DICOM traffic share on their way into a test session: how an account's case stands for admission,
/// and the account's open session, opened (and audited) by the first message or object.
enum VerificationSessions {
    /// An account's case as admission sees it: its platform, and whether it takes traffic now.
    struct Standing {
        let platform: String
        let admission: TrafficAdmission.CaseStanding
    }

    /// The standing of `account`'s case; nil when the case is gone.
    static func standing(of account: SystemAccount, on store: Store) async throws -> Standing? {
        guard let found = try await CaseStore.standing(of: account.caseID, on: store) else { return nil }
        return try await standing(found, on: store)
    }

    /// The standing of a case whose row was read already (HL7 reads it with the sender's account).
    static func standing(_ found: CaseStore.Standing, on store: Store) async throws -> Standing {
        // From the definitions' cache after the first read.
        let definition = try await DefinitionStore.definition(found.definition, on: store)
        return Standing(
            platform: found.platform,
            admission: TrafficAdmission.CaseStanding(
                status: found.status,
                phaseTakesTraffic: definition.phases.first { $0.id == found.currentPhase }?.takesVerificationTraffic ?? false))
    }

    /// The account's open session, or a new one naming `hl7` (and `dicom`, when an object opens it), audited as
    /// opened by the system account.
    static func openSession(
        of account: SystemAccount, hl7: HL7Profile, dicom: TestProtocol.Profile? = nil, in tx: WriteTransaction
    ) async throws -> TestSession {
        if let open = try await TestSessionStore.openSession(of: account.id, on: tx.store) { return open }
        return try await open(for: account, hl7: hl7, dicom: dicom, in: tx)
    }

    /// A new session of `account`, audited as opened by it; the caller knows it has none open.
    static func open(
        for account: SystemAccount, hl7: HL7Profile, dicom: TestProtocol.Profile? = nil, in tx: WriteTransaction
    ) async throws -> TestSession {
        let session = TestSession(
            id: UUID(), accountID: account.id, caseID: account.caseID, profileID: hl7.id, profileVersion: hl7.version,
            profileHash: hl7.contentHash, openedAt: tx.now, dicomProfile: dicom)
        try await TestSessionStore.insert(session, in: tx)
        var payload: [String: CanonicalJSON] = [
            "session": .string(session.id.uuidString), "account": .string(account.id.uuidString),
            "profile": .string("\(hl7.id)@\(hl7.version)"), "profileHash": .string(session.profileHash),
        ]
        if let dicom {
            payload["dicomProfile"] = .string("\(dicom.id)@\(dicom.version)")
            payload["dicomProfileHash"] = .string(dicom.contentHash)
        }
        try await tx.audit(AuditEventDraft(
            actor: .systemAccount(account.id), action: .testSessionOpen, subject: CaseRecord.subject(account.caseID),
            payload: .object(payload)))
        return session
    }
}
