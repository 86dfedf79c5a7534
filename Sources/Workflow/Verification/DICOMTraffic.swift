import DICOM
import Domain
import Foundation
import Integration
import Persistence

/// DICOM objects arriving in the verification environment: an association is admitted by the account of its
/// calling AE title (and the address it comes from when the account names some); each object is checked against
/// the platform's DICOM profile, its Part 10 file kept durably under its SHA-256 (so nothing sent is lost, whatever
/// its findings), and recorded in the account's open test session and its chain before the C-STORE response goes
/// out. A pause or a phase change committed before an object's write counts for that object: the first object of
/// a calling AE title reads the account, its case and its session inside its write transaction; the next ones are
/// planned on what that found and appended by `TestSessionStore.appendIfCurrent`, which checks in the same
/// transaction that all of it still holds, and falls back to the long way when anything changed.
public struct DICOMTraffic: Sendable {
    private let hl7Profiles: [String: HL7Profile]
    private let checks: [String: DICOMObjectCheck]
    /// Each platform's DICOM profile as a session names it. Its content hash is a canonical JSON encoding of the
    /// whole profile, computed once here: per object it was 4 % of the receiver's CPU time (BENCHMARKS.md).
    private let dicomProfiles: [String: TestProtocol.Profile]
    private let store: Store
    private let clock: any WallClock
    private let objects: BlobStore
    private let fileWork: any BlockingWork
    private let iodVerifier: IODVerifier?
    private let durability: CommitDurability
    private let known = KnownSenders<String, DICOMObjectCheck>()

    /// The newest profile of each platform is used; a session opened by an object names the platform's HL7
    /// profile too, since the same account may send HL7 into it.
    public init(
        hl7Profiles: [HL7Profile], dicomProfiles: [DICOMProfile], store: Store, clock: any WallClock, objects: BlobStore,
        fileWork: any BlockingWork, iodVerifier: IODVerifier? = nil, durability: CommitDurability = .powerLoss
    ) {
        self.hl7Profiles = Dictionary(hl7Profiles.map { ($0.platform, $0) }) { $0.version >= $1.version ? $0 : $1 }
        checks = Dictionary(dicomProfiles.map { ($0.platform, $0) }) { $0.version >= $1.version ? $0 : $1 }
            .mapValues(DICOMObjectCheck.init)
        self.dicomProfiles = checks.mapValues { check in
            TestProtocol.Profile(id: check.profile.id, version: check.profile.version, contentHash: check.profile.contentHash)
        }
        self.store = store
        self.clock = clock
        self.objects = objects
        self.fileWork = fileWork
        self.iodVerifier = iodVerifier
        self.durability = durability
    }

    /// What happened to an object.
    public enum Outcome: Sendable {
        /// Kept and recorded; the findings decide between success (none) and a warning status (any).
        case stored([VerificationFinding])
        /// Not taken: the account may no longer send (paused, revoked, case out of its phase).
        case refused(VerificationFinding)
        /// The file is no DICOM the reader understands.
        case unreadable(String)
        /// It could not be kept or recorded; the sender keeps it and sends it again.
        case notStored(String)
    }

    /// Nil when the association may proceed; else why not, as a finding whose rule names the reason
    /// (`admission.unknown-sender`, `admission.paused`, …).
    public func admit(callingAETitle: String, peer: String?) async -> VerificationFinding? {
        do {
            return try await admission(callingAETitle, peer: peer, on: store).refusal
        } catch {
            return VerificationFinding(.error, code: 207, rule: "application.internal-error", at: nil, LocalizedText(
                sv: "Kontot kunde inte läsas; försök igen.", en: "The account could not be read; try again."))
        }
    }

    /// Checks, keeps and records the object in the Part 10 `file` the listener wrote (it is moved away when kept).
    /// `sha256` and `size` are the file's digest and size when the listener computed them as it wrote the file;
    /// else the file is read for them.
    public func store(
        file: URL, sha256 digest: String? = nil, size knownSize: Int? = nil, command: DICOMObjectCheck.Command,
        callingAETitle: String, peer: String?
    ) async -> Outcome {
        let read: (DICOMFile, Int, String, [VerificationFinding])
        do {
            read = try await fileWork.run { [objects, iodVerifier, durability] in
                let header = try DICOMFile.read(atPath: file.path)
                let size = try knownSize ?? (FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
                let secondOpinion = iodVerifier?.findings(forFileAt: file.path) ?? []
                let sha256: String
                if let digest {
                    try objects.keepFile(at: file, sha256: digest, durability: durability)
                    sha256 = digest
                } else {
                    sha256 = try objects.keepFile(at: file, durability: durability)
                }
                return (header, size, sha256, secondOpinion)
            }
        } catch let error as DICOMReadError {
            return .unreadable(error.description)
        } catch {
            return .notStored("\(error)")
        }
        let (header, size, sha256, secondOpinion) = read
        if let outcome = await appendToKnownSession(
            header, size: size, sha256: sha256, secondOpinion: secondOpinion, command: command,
            callingAETitle: callingAETitle, peer: peer)
        {
            return outcome
        }
        do {
            let (outcome, stored) = try await store.write(clock: clock, durability: durability) { tx in
                let admitted = try await admission(callingAETitle, peer: peer, on: tx.store)
                if let refusal = admitted.refusal { return (Outcome.refused(refusal), KnownSender<DICOMObjectCheck>?.none) }
                guard let account = admitted.account, let standing = admitted.standing, let caseStanding = admitted.caseStanding,
                      let check = checks[standing.platform], let hl7 = hl7Profiles[standing.platform],
                      let dicomProfile = dicomProfiles[standing.platform]
                else {
                    return (.refused(VerificationFinding(.error, code: 207, rule: "profile.missing", at: nil, LocalizedText(
                        sv: "Plattformen har ingen DICOM-profil.", en: "The platform has no DICOM profile."))), nil)
                }
                var (findings, summary) = check.check(
                    header, size: size, command: command, verification: true, today: CivilDate(tx.now))
                findings += secondOpinion
                let session = try await record(
                    summary, findings: findings, sha256: sha256, account: account, dicomProfile: dicomProfile, hl7: hl7,
                    in: tx)
                let known = KnownSender(
                    account: account, caseStanding: caseStanding, admission: standing.admission, check: check,
                    session: session)
                return (.stored(findings), known)
            }
            if let stored { known.remember(callingAETitle, stored) } else { known.forget(callingAETitle) }
            return outcome
        } catch {
            known.forget(callingAETitle)
            // The file stays kept under its hash; without its record the sender sends it again.
            return .notStored("\(error)")
        }
    }

    /// The object stored on what the last object of its calling AE title found, in one hop or statement; nil when
    /// nothing is known of the title, when the object would be refused, or when something changed since (then the
    /// long way reads everything again and answers).
    private func appendToKnownSession(
        _ header: DICOMFile, size: Int, sha256: String, secondOpinion: [VerificationFinding],
        command: DICOMObjectCheck.Command, callingAETitle: String, peer: String?
    ) async -> Outcome? {
        guard let found = known.sender(callingAETitle),
              TrafficAdmission.refusal(
                account: found.account, standing: found.admission, peer: peer.flatMap(IPAddress.init),
                sender: "AE \(callingAETitle)") == nil
        else { return nil }
        let now = clock.now()
        var (findings, summary) = found.check.check(
            header, size: size, command: command, verification: true, today: CivilDate(now))
        findings += secondOpinion
        let (object, session) = Self.chained(summary, findings: findings, sha256: sha256, at: now, onto: found.session)
        do {
            let expected = TrafficExpectation(
                account: found.account, caseStanding: found.caseStanding, previousCount: found.session.messageCount,
                controlIDs: [])
            guard try await TestSessionStore.appendIfCurrent(
                object, json: try TestSessionStore.ObjectJSON(summary: summary, findings: findings), to: session,
                expected: expected, durability: durability, on: store)
            else {
                known.forget(callingAETitle)
                return nil
            }
            known.remember(callingAETitle, found.advanced(to: session))
            return .stored(findings)
        } catch {
            known.forget(callingAETitle)
            return nil
        }
    }

    /// The object as the session's next entry, and the session with its head moved past it.
    static func chained(
        _ summary: DICOMObjectSummary, findings: [VerificationFinding], sha256: String, at now: Date,
        onto session: TestSession
    ) -> (ReceivedDICOMObject, TestSession) {
        var session = session
        let status = findings.isEmpty ? "0000" : "B000"
        let sequence = session.messageCount + 1
        let hash = TestSessionChain.hash(
            previous: session.headHash, sequence: sequence, receivedAt: now, contentSHA256: sha256, acknowledgement: status)
        session.messageCount = sequence
        session.headHash = hash
        let object = ReceivedDICOMObject(
            sequence: sequence, receivedAt: now, sha256: sha256, summary: summary, findings: findings, status: status,
            hash: hash)
        return (object, session)
    }

    private struct Admission {
        var account: SystemAccount?
        var caseStanding: CaseStore.Standing?
        var standing: VerificationSessions.Standing?
        var refusal: VerificationFinding?
    }

    private func admission(_ title: String, peer: String?, on store: Store) async throws -> Admission {
        let account = try await SystemAccountStore.active(aeTitle: title, environment: .verification, on: store)
        var caseStanding: CaseStore.Standing?
        var standing: VerificationSessions.Standing?
        if let account, let found = try await CaseStore.standing(of: account.caseID, on: store) {
            caseStanding = found
            standing = try await VerificationSessions.standing(found, on: store)
        }
        let refusal = TrafficAdmission.refusal(
            account: account, standing: standing?.admission, peer: peer.flatMap(IPAddress.init), sender: "AE \(title)")
        return Admission(account: account, caseStanding: caseStanding, standing: standing, refusal: refusal)
    }

    /// Appends the object to the account's open session, opening one (audited) if there is none; returns the session
    /// with its head moved past the object.
    private func record(
        _ summary: DICOMObjectSummary, findings: [VerificationFinding], sha256: String, account: SystemAccount,
        dicomProfile: TestProtocol.Profile, hl7: HL7Profile, in tx: WriteTransaction
    ) async throws -> TestSession {
        var session = try await VerificationSessions.openSession(of: account, hl7: hl7, dicom: dicomProfile, in: tx)
        if session.dicomProfile == nil { session.dicomProfile = dicomProfile }
        let (object, advanced) = Self.chained(summary, findings: findings, sha256: sha256, at: tx.now, onto: session)
        try await TestSessionStore.append(object, to: advanced, in: tx)
        return advanced
    }
}
