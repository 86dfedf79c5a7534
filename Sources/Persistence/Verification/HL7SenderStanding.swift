import Domain
import Foundation
import SQLKit

/// What storing a batch of one sender's HL7 messages needs to know, read in one statement inside the batch's
/// write transaction: the sender's account, its case's standing and the account's open session. Read as three
/// queries (two through Fluent, whose model reflection was the largest cost of the batch, BENCHMARKS.md) it
/// cost more than the batch's own writes.
public struct HL7SenderStanding: Sendable {
    /// The account that is not revoked for the sender.
    public private(set) var account: SystemAccount
    /// Its case's standing; nil when the case is gone.
    public let caseStanding: CaseStore.Standing?
    /// The account's open session, if it has one.
    public let openSession: TestSession?

    /// The sender's standing in the verification environment; nil when no account that is not revoked has
    /// these names (or both are empty: a DICOM-only account has no HL7 names).
    public static func read(application: String, facility: String, in tx: WriteTransaction) async throws -> HL7SenderStanding? {
        guard !application.isEmpty || !facility.isEmpty else { return nil }
        let environment = SystemAccount.Environment.verification.rawValue
        let revoked = SystemAccount.Status.revoked.rawValue
        // At most one account that is not revoked has a sender's names (SystemAccountStore.insert) and at most one
        // session of an account is open (the first message opens it, closing ends it): one row per AE title of the
        // account, one without any.
        let rows = try await tx.database.rows(
            """
            SELECT a.id, a.case_id, a.hl7_sending_application, a.hl7_sending_facility, a.source_addresses,
                t.ae_title, a.status, a.version,
                c.platform, c.status AS case_status, c.current_phase, c.definition_id, c.definition_version,
                c.definition_hash,
                s.id AS session_id, s.profile_id, s.profile_version, s.profile_hash, s.opened_at, s.head_hash,
                s.message_count, s.dicom_profile_id, s.dicom_profile_version, s.dicom_profile_hash
            FROM system_accounts a
            LEFT JOIN cases c ON c.id = a.case_id
            LEFT JOIN test_sessions s ON s.account_id = a.id AND s.closed_at IS NULL
            LEFT JOIN system_account_ae_titles t ON t.account_id = a.id
            WHERE a.environment = \(bind: environment) AND a.hl7_sending_application = \(bind: application)
                AND a.hl7_sending_facility = \(bind: facility) AND a.status <> \(bind: revoked)
            ORDER BY t.position
            """ as SQLQueryString) { row in (standing: try Self(row: row), aeTitle: try row.optionalString("ae_title")) }
        guard var standing = rows.first?.standing else { return nil }
        standing.account.dicomAETitles = rows.compactMap(\.aeTitle)
        return standing
    }

    private init(row: any ColumnReader) throws {
        let account = SystemAccount(
            id: try row.uuid("id"), caseID: try row.uuid("case_id"), environment: .verification,
            hl7SendingApplication: try row.string("hl7_sending_application"),
            hl7SendingFacility: try row.string("hl7_sending_facility"),
            sourceAddresses: (try? JSONDecoder().decode([String].self, from: Data(try row.string("source_addresses").utf8))) ?? [],
            status: SystemAccount.Status(rawValue: try row.string("status")) ?? .revoked, version: try row.int("version"),
            dicomAETitles: [])
        self.account = account
        caseStanding = try row.optionalString("platform").map { platform in
            CaseStore.Standing(
                platform: platform,
                status: CaseStatus(rawValue: try row.string("case_status")) ?? .draft,
                currentPhase: PhaseID(rawValue: try row.string("current_phase")),
                definition: DefinitionReference(
                    id: ProcessDefinition.ID(rawValue: try row.string("definition_id")),
                    version: try row.int("definition_version"), contentHash: try row.string("definition_hash")))
        }
        openSession = try row.optionalUUID("session_id").map { id in
            TestSession(
                id: id, accountID: account.id, caseID: account.caseID, profileID: try row.string("profile_id"),
                profileVersion: try row.int("profile_version"), profileHash: try row.string("profile_hash"),
                openedAt: try row.date("opened_at"), headHash: try row.string("head_hash"),
                messageCount: try row.int("message_count"),
                // The three are set together, by the session's first DICOM object.
                dicomProfile: try row.optionalString("dicom_profile_id").map { dicomID in
                    TestProtocol.Profile(
                        id: dicomID, version: try row.int("dicom_profile_version"),
                        contentHash: try row.string("dicom_profile_hash"))
                })
        }
    }
}
