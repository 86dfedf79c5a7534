/// One thing the verification environment noticed about what a connecting system sent: where, how bad, under
/// which rule, in words. An HL7 ACK carries each as an ERR segment; the test protocol groups them by rule.
public struct VerificationFinding: Sendable, Hashable, Codable {
    /// HL7 table 0516: error, warning, information.
    public enum Severity: String, Sendable, Hashable, Codable, Comparable {
        case error = "E", warning = "W", information = "I"

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            let order: [Severity] = [.error, .warning, .information]
            return order.firstIndex(of: lhs)! < order.firstIndex(of: rhs)!
        }
    }

    /// Where in an HL7 message (ERR-2, an ERL: segment, its occurrence, field, repetition, component,
    /// subcomponent); nil parts are not known or not meant.
    public struct Location: Sendable, Hashable, Codable, CustomStringConvertible {
        public var segment: String
        public var occurrence: Int?
        public var field: Int?
        public var repetition: Int?
        public var component: Int?
        public var subcomponent: Int?

        public init(
            segment: String, occurrence: Int? = 1, field: Int? = nil, repetition: Int? = nil, component: Int? = nil,
            subcomponent: Int? = nil
        ) {
            self.segment = segment
            self.occurrence = occurrence
            self.field = field
            self.repetition = repetition
            self.component = component
            self.subcomponent = subcomponent
        }

        /// A DICOM attribute, by its tag (`(0010,0020)`): the place of a DICOM object's finding.
        public static func attribute(_ tag: String) -> Location {
            Location(segment: tag, occurrence: nil)
        }

        /// `PID-3[2].4.2`, as people and the field paths write it.
        public var description: String {
            var text = segment
            if let occurrence, occurrence > 1 { text += "[\(occurrence)]" }
            guard let field else { return text }
            text += "-\(field)"
            if let repetition, repetition > 1 { text += "[\(repetition)]" }
            if let component { text += ".\(component)" }
            if let subcomponent { text += ".\(subcomponent)" }
            return text
        }
    }

    public var severity: Severity
    /// HL7 table 0357: 100 segment sequence, 101 required field missing, 102 data type, 103 table value not
    /// found, 200 unsupported message type, 201 event, 202 processing id, 203 version, 204 unknown key, 205
    /// duplicate key, 207 application internal error.
    public var code: Int
    /// The rule broken, stable for grouping and tests (`identity.real-personnummer`).
    public var rule: String
    public var location: Location?
    public var text: LocalizedText

    public init(_ severity: Severity, code: Int, rule: String, at location: Location?, _ text: LocalizedText) {
        self.severity = severity
        self.code = code
        self.rule = rule
        self.location = location
        self.text = text
    }
}

extension VerificationFinding {
    /// The finding with its sentences worded now (`LocalizedText.worded`): the checks word their frequent sentences
    /// only when read, and each read words them again, so a caller that reads them more than once words them first.
    public var worded: VerificationFinding {
        var finding = self
        finding.text = text.worded
        return finding
    }
}
