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

        public init(id: String, version: Int, contentHash: String) {
            self.id = id
            self.version = version
            self.contentHash = contentHash
        }
    }

    /// What DICOM objects the session received: absent when there were none, so protocols of HL7-only sessions
    /// keep the shape (and hash) they had before DICOM.
    public struct DICOMPart: Sendable, Hashable, Codable {
        public struct Entry: Sendable, Hashable, Codable {
            public let sequence: Int
            public let receivedAt: String
            public let sopClassUID: String
            public let sopInstanceUID: String
            public let studyInstanceUID: String
            public let seriesInstanceUID: String
            public let transferSyntaxUID: String
            public let status: String
            public let sha256: String
            public let hash: String
        }

        public let profile: Profile
        public let sopClasses: [String: Int]
        public let transferSyntaxes: [String: Int]
        public let statuses: [String: Int]
        public let studies: Int
        public let series: Int
        public let findings: [FindingGroup]
        public let testCases: [TestCaseResult]
        public let objects: [Entry]
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

    /// Passed when every test case was met, of each profile the session received traffic for.
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
    public let dicom: DICOMPart?
    public let chainHead: String

    /// The protocol of `session` with its `messages`, checked against `profile`, and its DICOM `objects` checked
    /// against `dicomProfile`.
    public init(
        session: TestSession, closedAt: Date, messages: [ReceivedMessage], profile: HL7Profile, account: SystemAccount,
        caseNumber: String, platform: String, system: String, objects: [ReceivedDICOMObject] = [],
        dicomProfile: DICOMProfile? = nil
    ) {
        let time = ISO8601DateFormatter()
        time.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        self.caseNumber = caseNumber
        self.platform = platform
        self.system = system
        self.account = account.id.uuidString.lowercased()
        sender = account.senderDescription
        environment = account.environment.rawValue
        self.profile = Profile(id: session.profileID, version: session.profileVersion, contentHash: session.profileHash)
        openedAt = time.string(from: session.openedAt)
        self.closedAt = time.string(from: closedAt)
        messageTypes = Dictionary(grouping: messages, by: \.summary.messageName).mapValues(\.count)
        acknowledgements = Dictionary(grouping: messages, by: \.acknowledgement.rawValue).mapValues(\.count)
        findings = Self.groups(messages.flatMap(\.findings))
        testCases = profile.testCases.map { testCase in
            let first = messages.first { testCase.isMet(by: $0.summary, acknowledgement: $0.acknowledgement) }
            return TestCaseResult(id: testCase.id, title: testCase.title, met: first != nil, metBy: first?.sequence)
        }
        self.messages = messages.map {
            Entry(sequence: $0.sequence, receivedAt: time.string(from: $0.receivedAt), message: $0.summary.messageName,
                  controlID: $0.summary.controlID, acknowledgement: $0.acknowledgement, sha256: $0.sha256, hash: $0.hash)
        }
        if let dicomProfile, !objects.isEmpty {
            var seenContent: [String: String] = [:]
            var resent = Set<Int>()
            for object in objects {
                if let earlier = seenContent[object.summary.sopInstanceUID], earlier != object.sha256 { resent.insert(object.sequence) }
                seenContent[object.summary.sopInstanceUID] = object.sha256
            }
            dicom = DICOMPart(
                profile: Profile(id: dicomProfile.id, version: dicomProfile.version, contentHash: dicomProfile.contentHash),
                sopClasses: Dictionary(grouping: objects, by: \.summary.sopClassUID).mapValues(\.count),
                transferSyntaxes: Dictionary(grouping: objects, by: \.summary.transferSyntaxUID).mapValues(\.count),
                statuses: Dictionary(grouping: objects, by: \.status).mapValues(\.count),
                studies: Set(objects.map(\.summary.studyInstanceUID)).count,
                series: Set(objects.map(\.summary.seriesInstanceUID)).count,
                findings: Self.groups(objects.flatMap(\.findings)),
                testCases: dicomProfile.testCases.map { testCase in
                    let first = objects.first {
                        testCase.isMet(by: $0.summary, withErrors: $0.hasErrors, resent: resent.contains($0.sequence))
                    }
                    return TestCaseResult(id: testCase.id, title: testCase.title, met: first != nil, metBy: first?.sequence)
                },
                objects: objects.map {
                    DICOMPart.Entry(
                        sequence: $0.sequence, receivedAt: time.string(from: $0.receivedAt),
                        sopClassUID: $0.summary.sopClassUID, sopInstanceUID: $0.summary.sopInstanceUID,
                        studyInstanceUID: $0.summary.studyInstanceUID, seriesInstanceUID: $0.summary.seriesInstanceUID,
                        transferSyntaxUID: $0.summary.transferSyntaxUID, status: $0.status, sha256: $0.sha256, hash: $0.hash)
                })
        } else {
            dicom = nil
        }
        // Each protocol the session received traffic in must have met its test cases; a session without any passes
        // nothing.
        let hl7Passed = messages.isEmpty || testCases.allSatisfy(\.met)
        let dicomPassed = dicom.map { $0.testCases.allSatisfy(\.met) } ?? true
        verdict = (!messages.isEmpty || dicom != nil) && hl7Passed && dicomPassed ? .passed : .notPassed
        chainHead = session.headHash
    }

    /// Findings grouped by rule, the worst first.
    private static func groups(_ all: [VerificationFinding]) -> [FindingGroup] {
        Dictionary(grouping: all, by: \.rule).map { rule, group in
            FindingGroup(
                rule: rule, severity: group.map(\.severity).min() ?? .information, code: group[0].code, count: group.count,
                locations: Array(Set(group.compactMap { $0.location?.description })).sorted(), text: group[0].text)
        }.sorted { ($0.severity, $0.rule) < ($1.severity, $1.rule) }
    }

    /// The protocol as canonical JSON (keys sorted, no white space): what is stored and what `contentHash` covers.
    public var canonicalJSON: String { CanonicalJSON.text(of: self) }

    /// Lower-case hexadecimal SHA-256 of ``canonicalJSON``.
    public var contentHash: String { CanonicalJSON.hash(of: self) }
}
