import Crypto
import Foundation

/// The test protocol of a closed test session: what the verification environment saw, written by Anslut itself
/// rather than by the supplier. It names the case, the system, the account, the profile (id, version, hash) and
/// the window; counts messages by type and ACK code; groups the findings by rule; says which of the profile's
/// test cases were met; and lists each message's hash and the session chain's head. Frozen when the session
/// closes; its own hash goes into the audit trail.
public struct TestProtocol: Sendable, Hashable, Codable {
    public struct Profile: Sendable, Hashable, Codable {
        public let id: String
        public let version: Int
        public let contentHash: String
    }

    public struct FindingGroup: Sendable, Hashable, Codable {
        public let rule: String
        public let severity: VerificationFinding.Severity
        public let code: Int
        public let count: Int
        /// Where it was found (`PID-3.1`), each once.
        public let locations: [String]
        /// The text of the first occurrence.
        public let text: LocalizedText
    }

    public struct TestCaseResult: Sendable, Hashable, Codable {
        public let id: String
        public let title: LocalizedText
        public let met: Bool
        /// The first message that met it.
        public let metBy: Int?
    }

    public struct Entry: Sendable, Hashable, Codable {
        public let sequence: Int
        public let receivedAt: String
        public let message: String
        public let controlID: String
        public let acknowledgement: AcknowledgementCode
        public let sha256: String
        public let hash: String
    }

    /// Passed when every test case of the profile was met.
    public enum Verdict: String, Sendable, Hashable, Codable {
        case passed, notPassed = "not_passed"
    }

    public let caseNumber: String
    public let platform: String
    public let system: String
    public let account: String
    public let sender: String
    public let environment: String
    public let profile: Profile
    public let openedAt: String
    public let closedAt: String
    public let messageTypes: [String: Int]
    public let acknowledgements: [String: Int]
    public let findings: [FindingGroup]
    public let testCases: [TestCaseResult]
    public let verdict: Verdict
    public let messages: [Entry]
    public let chainHead: String

    /// The protocol of `session` with its `messages`, checked against `profile`.
    public init(
        session: TestSession, closedAt: Date, messages: [ReceivedMessage], profile: HL7Profile, account: SystemAccount,
        caseNumber: String, platform: String, system: String
    ) {
        let time = ISO8601DateFormatter()
        time.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        self.caseNumber = caseNumber
        self.platform = platform
        self.system = system
        self.account = account.id.uuidString.lowercased()
        sender = "\(account.hl7SendingApplication)^\(account.hl7SendingFacility)"
        environment = account.environment.rawValue
        self.profile = Profile(id: session.profileID, version: session.profileVersion, contentHash: session.profileHash)
        openedAt = time.string(from: session.openedAt)
        self.closedAt = time.string(from: closedAt)
        messageTypes = Dictionary(grouping: messages, by: \.summary.messageName).mapValues(\.count)
        acknowledgements = Dictionary(grouping: messages, by: \.acknowledgement.rawValue).mapValues(\.count)
        let all = messages.flatMap(\.findings)
        findings = Dictionary(grouping: all, by: \.rule).map { rule, group in
            FindingGroup(
                rule: rule, severity: group.map(\.severity).min() ?? .information, code: group[0].code, count: group.count,
                locations: Array(Set(group.compactMap { $0.location?.description })).sorted(), text: group[0].text)
        }.sorted { ($0.severity, $0.rule) < ($1.severity, $1.rule) }
        testCases = profile.testCases.map { testCase in
            let first = messages.first { testCase.isMet(by: $0.summary, acknowledgement: $0.acknowledgement) }
            return TestCaseResult(id: testCase.id, title: testCase.title, met: first != nil, metBy: first?.sequence)
        }
        verdict = testCases.allSatisfy(\.met) ? .passed : .notPassed
        self.messages = messages.map {
            Entry(sequence: $0.sequence, receivedAt: time.string(from: $0.receivedAt), message: $0.summary.messageName,
                  controlID: $0.summary.controlID, acknowledgement: $0.acknowledgement, sha256: $0.sha256, hash: $0.hash)
        }
        chainHead = session.headHash
    }

    /// The protocol as canonical JSON (keys sorted, no white space): what is stored and what `contentHash` covers.
    public var canonicalJSON: String { CanonicalJSON.text(of: self) }

    /// Lower-case hexadecimal SHA-256 of ``canonicalJSON``.
    public var contentHash: String { CanonicalJSON.hash(of: self) }
}
