import FluentKit
import Foundation

final class SystemAccountModel: Model, @unchecked Sendable {
    static let schema = "system_accounts"

    @ID(key: .id) var id: UUID?
    @Field(key: "case_id") var caseID: UUID
    @Field(key: "environment") var environment: String
    @Field(key: "hl7_sending_application") var hl7SendingApplication: String
    @Field(key: "hl7_sending_facility") var hl7SendingFacility: String
    /// A JSON array of addresses and ranges.
    @Field(key: "source_addresses") var sourceAddresses: String
    @Field(key: "status") var status: String
    @Field(key: "version") var version: Int
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}
}

/// One calling AE title of an account. Its environment is the account's, and `revoked_at` is set when the account
/// is revoked: both are here so that one partial unique index keeps a title to one account that is not revoked
/// and finds it by title, on both engines.
final class SystemAccountAETitleModel: Model, @unchecked Sendable {
    static let schema = "system_account_ae_titles"

    @ID(key: .id) var id: UUID?
    @Field(key: "account_id") var accountID: UUID
    @Field(key: "environment") var environment: String
    @Field(key: "ae_title") var aeTitle: String
    /// Its place in the account's list, from 0.
    @Field(key: "position") var position: Int
    @OptionalField(key: "revoked_at") var revokedAt: Date?

    init() {}
}

final class TestSessionModel: Model, @unchecked Sendable {
    static let schema = "test_sessions"

    @ID(key: .id) var id: UUID?
    @Field(key: "account_id") var accountID: UUID
    @Field(key: "case_id") var caseID: UUID
    @Field(key: "profile_id") var profileID: String
    @Field(key: "profile_version") var profileVersion: Int
    @Field(key: "profile_hash") var profileHash: String
    @Field(key: "opened_at") var openedAt: Date
    @OptionalField(key: "closed_at") var closedAt: Date?
    @Field(key: "head_hash") var headHash: String
    @Field(key: "message_count") var messageCount: Int
    /// The frozen `TestProtocol` as canonical JSON, once closed.
    @OptionalField(key: "protocol") var testProtocol: String?
    @OptionalField(key: "protocol_hash") var protocolHash: String?
    /// The DICOM profile objects are checked against, set by the first object.
    @OptionalField(key: "dicom_profile_id") var dicomProfileID: String?
    @OptionalField(key: "dicom_profile_version") var dicomProfileVersion: Int?
    @OptionalField(key: "dicom_profile_hash") var dicomProfileHash: String?

    init() {}
}

final class TestMessageModel: Model, @unchecked Sendable {
    static let schema = "test_messages"

    @ID(key: .id) var id: UUID?
    @Field(key: "session_id") var sessionID: UUID
    @Field(key: "sequence") var sequence: Int
    @Field(key: "received_at") var receivedAt: Date
    @Field(key: "sha256") var sha256: String
    @Field(key: "raw") var raw: Data
    /// `HL7MessageSummary` as JSON.
    @Field(key: "summary") var summary: String
    /// `[VerificationFinding]` as JSON.
    @Field(key: "findings") var findings: String
    @Field(key: "ack") var ack: Data
    @Field(key: "ack_code") var ackCode: String
    @Field(key: "control_id") var controlID: String
    @Field(key: "hash") var hash: String

    init() {}
}

final class TestObjectModel: Model, @unchecked Sendable {
    static let schema = "test_objects"

    @ID(key: .id) var id: UUID?
    @Field(key: "session_id") var sessionID: UUID
    @Field(key: "sequence") var sequence: Int
    @Field(key: "received_at") var receivedAt: Date
    /// SHA-256 of the Part 10 file, which is kept under the data folder by this name.
    @Field(key: "sha256") var sha256: String
    @Field(key: "size") var size: Int64
    /// `DICOMObjectSummary` as JSON.
    @Field(key: "summary") var summary: String
    /// `[VerificationFinding]` as JSON.
    @Field(key: "findings") var findings: String
    /// The C-STORE status sent, `0000` or `B000`.
    @Field(key: "status") var status: String
    @Field(key: "hash") var hash: String

    init() {}
}
