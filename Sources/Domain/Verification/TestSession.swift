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
    public var messageCount: Int

    public init(
        id: UUID, accountID: UUID, caseID: UUID, profileID: String, profileVersion: Int, profileHash: String,
        openedAt: Date, closedAt: Date? = nil, headHash: String = TestSessionChain.start, messageCount: Int = 0
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
