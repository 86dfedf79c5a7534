import Foundation

/// A window of verification traffic from one account: the messages received while it is open, checked against
/// the profile it names, chained by ``TestSessionChain``. The first message from an account opens one.
public struct TestSession: Sendable, Hashable {
    public let id: UUID
    public let accountID: UUID
    public let caseID: UUID
    /// The profile the messages are checked against: id, version and content hash.
    public let profileID: String
    public let profileVersion: Int
    public let profileHash: String
    public let openedAt: Date
    public var closedAt: Date?
    /// The chain's head: ``TestSessionChain/start`` until the first message.
    public var headHash: String
    /// Entries in the chain: HL7 messages and DICOM objects, numbered together.
    public var messageCount: Int
    /// The DICOM profile objects are checked against (id, version, hash), once the first object arrived.
    public var dicomProfile: TestProtocol.Profile?

    public init(
        id: UUID, accountID: UUID, caseID: UUID, profileID: String, profileVersion: Int, profileHash: String,
        openedAt: Date, closedAt: Date? = nil, headHash: String = TestSessionChain.start, messageCount: Int = 0,
        dicomProfile: TestProtocol.Profile? = nil
    ) {
        self.id = id
        self.accountID = accountID
        self.caseID = caseID
        self.profileID = profileID
        self.profileVersion = profileVersion
        self.profileHash = profileHash
        self.openedAt = openedAt
        self.closedAt = closedAt
        self.headHash = headHash
        self.messageCount = messageCount
        self.dicomProfile = dicomProfile
    }
}

/// One message received in a test session, as stored: what the protocol lists and counts.
public struct ReceivedMessage: Sendable, Hashable {
    public let sequence: Int
    public let receivedAt: Date
    /// SHA-256 of the bytes as received.
    public let sha256: String
    public let summary: HL7MessageSummary
    public let findings: [VerificationFinding]
    public let acknowledgement: AcknowledgementCode
    /// The session chain's hash after this message.
    public let hash: String

    public init(
        sequence: Int, receivedAt: Date, sha256: String, summary: HL7MessageSummary, findings: [VerificationFinding],
        acknowledgement: AcknowledgementCode, hash: String
    ) {
        self.sequence = sequence
        self.receivedAt = receivedAt
        self.sha256 = sha256
        self.summary = summary
        self.findings = findings
        self.acknowledgement = acknowledgement
        self.hash = hash
    }
}

/// One DICOM object received in a test session, as stored: what the protocol lists and counts. Its Part 10 file is
/// kept under the data folder, named by its SHA-256.
public struct ReceivedDICOMObject: Sendable, Hashable {
    public let sequence: Int
    public let receivedAt: Date
    /// SHA-256 of the Part 10 file as stored.
    public let sha256: String
    public let summary: DICOMObjectSummary
    public let findings: [VerificationFinding]
    /// The C-STORE status sent: `0000` without findings, `B000` with any.
    public let status: String
    /// The session chain's hash after this object.
    public let hash: String

    public init(
        sequence: Int, receivedAt: Date, sha256: String, summary: DICOMObjectSummary, findings: [VerificationFinding],
        status: String, hash: String
    ) {
        self.sequence = sequence
        self.receivedAt = receivedAt
        self.sha256 = sha256
        self.summary = summary
        self.findings = findings
        self.status = status
        self.hash = hash
    }

    /// Whether any finding is an error.
    public var hasErrors: Bool { findings.contains { $0.severity == .error } }
}
