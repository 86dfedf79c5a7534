/// What the verification environment keeps of one HL7 message besides its bytes: enough to list it, count it in
/// the protocol and decide which test cases it meets, without parsing it again.
public struct HL7MessageSummary: Sendable, Hashable, Codable {
    /// A patient identifier as read from PID-3 or MRG-1: the value and the kind its OID names, if any.
    public struct Identifier: Sendable, Hashable, Codable {
        public var value: String
        public var kind: IdentifierKind?

        public init(value: String, kind: IdentifierKind?) {
            self.value = value
            self.kind = kind
        }
    }

    /// MSH-9.1 and MSH-9.2 (`ADT`, `A08`); empty when the message had none.
    public var type: String
    public var event: String
    /// MSH-10.
    public var controlID: String
    /// MSH-3 and MSH-4 (their namespace ids).
    public var sendingApplication: String
    public var sendingFacility: String
    /// MSH-12 and MSH-11.
    public var version: String
    public var processingID: String
    /// The segment ids in order.
    public var segments: [String]
    public var patientIdentifiers: [Identifier]
    public var mergedIdentifiers: [Identifier]

    public init(
        type: String, event: String, controlID: String, sendingApplication: String, sendingFacility: String,
        version: String, processingID: String, segments: [String], patientIdentifiers: [Identifier],
        mergedIdentifiers: [Identifier]
    ) {
        self.type = type
        self.event = event
        self.controlID = controlID
        self.sendingApplication = sendingApplication
        self.sendingFacility = sendingFacility
        self.version = version
        self.processingID = processingID
        self.segments = segments
        self.patientIdentifiers = patientIdentifiers
        self.mergedIdentifiers = mergedIdentifiers
    }

    /// `ADT^A08`.
    public var messageName: String { event.isEmpty ? type : "\(type)^\(event)" }
}

extension HL7Profile.TestCase {
    /// Whether one message meets this test case: of its type and event, accepted (an AA), carrying the segment
    /// and the kinds of identifier the case asks for.
    public func isMet(by message: HL7MessageSummary, acknowledgement: AcknowledgementCode) -> Bool {
        guard acknowledgement == .accepted, message.messageName == self.message else { return false }
        if let segment, !message.segments.contains(segment) { return false }
        if let kind = patientIdentifier, !message.patientIdentifiers.contains(where: { $0.kind == kind }) { return false }
        if let kind = mergedIdentifier, !message.mergedIdentifiers.contains(where: { $0.kind == kind }) { return false }
        return true
    }
}

/// MSA-1 in original acknowledgement mode.
public enum AcknowledgementCode: String, Sendable, Hashable, Codable, CaseIterable {
    /// AA: accepted (warnings may be attached).
    case accepted = "AA"
    /// AE: the message broke a rule; fix it and send it again.
    case error = "AE"
    /// AR: rejected unprocessed (unknown sender, paused account, unsupported type, version or processing id, too
    /// large); send it again unchanged once the cause is gone.
    case rejected = "AR"

    /// The code for a message with `findings`: AR for an unsupported type, event, processing id or version (table
    /// 0357 codes 200-203), AE for any other error, else AA.
    public static func `for`(_ findings: [VerificationFinding]) -> AcknowledgementCode {
        if findings.contains(where: { $0.severity == .error && (200...203).contains($0.code) }) { return .rejected }
        return findings.contains { $0.severity == .error } ? .error : .accepted
    }
}
