import Domain
import HL7

/// Checks parsed HL7 messages against a platform's profile: the header (MSH-9 type and event, MSH-10, MSH-11,
/// MSH-12, MSH-5/MSH-6, MSH-18), the segment structure with its cardinality, the required fields, and the Swedish
/// identity rules. Made once per profile (its rules indexed, its segment lists turned into codes, its field paths
/// parsed), then used for every message of a session; this is the hot path of the verification environment
/// (BENCHMARKS.md, HL7). Pure: the same message, profile and day give the same findings.
///
/// How it stays fast, each kept in one place: the header is read in one go (`Message.header`), segments are
/// matched as codes (`SegmentCode`), PID-3 and MRG-1 are read borrowed (`HL7IdentityCheck`), and the sentences of
/// the frequent findings are worded when read (`HL7FindingText`). `HL7CheckPinnedOutputTests` pins the output.
public struct HL7MessageCheck: Sendable {
    /// What is made once per profile, behind one reference: a check is copied wherever it is passed or looked up
    /// (the traffic keeps one per platform in a dictionary), and one reference is counted once where the profile's
    /// dozen arrays and strings were each counted on every copy.
    private let prepared: Prepared

    public var profile: HL7Profile { prepared.profile }

    private final class Prepared: Sendable {
        let profile: HL7Profile
        /// The profile's rules by `TYPE^EVENT`.
        let rules: [String: Rule]
        let types: Set<String>

        init(profile: HL7Profile, rules: [String: Rule], types: Set<String>) {
            self.profile = profile
            self.rules = rules
            self.types = types
        }
    }

    /// One message rule, prepared for checking; a class, so that looking it up counts one reference.
    final class Rule: Sendable {
        let rule: HL7Profile.MessageRule
        /// `TYPE^EVENT`, made once for the sentences.
        let name: String
        /// The required fields, parsed, with their segment's code (nil for an ID no segment can have).
        let required: [(text: String, path: FieldPath, segment: SegmentCode?)]
        /// The rule's segment IDs as codes; nil when one is not three ASCII characters (a profile that was not
        /// validated), which sends the structure check to its general form on strings.
        let codes: [SegmentCode]?

        init(rule: HL7Profile.MessageRule, name: String, required: [(text: String, path: FieldPath, segment: SegmentCode?)], codes: [SegmentCode]?) {
            self.rule = rule
            self.name = name
            self.required = required
            self.codes = codes
        }
    }

    public init(_ profile: HL7Profile) {
        var rules: [String: Rule] = [:]
        for rule in profile.messages {
            // The profile's own validation has refused any path that does not parse.
            let required = rule.requiredFields.compactMap { text in
                (try? FieldPath(parsing: text)).map { (text, $0, SegmentCode($0.segmentID)) }
            }
            let codes = rule.segments.map { $0.id.utf8.allSatisfy { $0 < 0x80 } ? SegmentCode($0.id) : nil }
            rules[rule.name] = Rule(
                rule: rule, name: rule.name, required: required,
                codes: codes.contains(nil) ? nil : codes.compactMap { $0 })
        }
        prepared = Prepared(profile: profile, rules: rules, types: Set(profile.messages.map(\.type)))
    }

    private static let pid = SegmentCode("PID")!

    /// The findings and the summary of `message`; `verification` turns on the rule against real personnummer.
    public func check(
        _ message: Message, verification: Bool, today: CivilDate
    ) -> (findings: [VerificationFinding], summary: HL7MessageSummary) {
        // Every value is read from the message once; the checks work on what was read.
        let header = message.header
        let segments = message.segmentCodes
        let patients = HL7IdentityCheck.Identifier.all(in: message, .pid3)
        let merged = HL7IdentityCheck.Identifier.all(in: message, .mrg1)
        let summary = Self.summary(header, segments: segments.map(\.id), patients: patients, merged: merged)
        let rule = prepared.rules[summary.messageName]
        var findings: [VerificationFinding] = []
        findings.reserveCapacity(8)
        self.header(message, header, summary, known: rule != nil, into: &findings)
        if let rule {
            if let codes = rule.codes {
                Self.structure(segments, rule, codes: codes, into: &findings)
            } else {
                findings += Self.structure(summary.segments, rule.rule)
            }
            Self.requiredFields(message, segments, rule, into: &findings)
        }
        HL7IdentityCheck.findings(
            patients: patients, merged: merged, hasPID: segments.contains(Self.pid), event: summary.event,
            profile: prepared.profile, verification: verification, today: today, into: &findings)
        return (findings, summary)
    }

    /// What is kept of the message: type, ids, sender, segments and identifiers.
    public static func summary(_ message: Message) -> HL7MessageSummary {
        summary(
            message.header, segments: message.segmentIDs,
            patients: HL7IdentityCheck.Identifier.all(in: message, .pid3),
            merged: HL7IdentityCheck.Identifier.all(in: message, .mrg1))
    }

    private static func summary(
        _ header: MessageHeader, segments: [String], patients: [HL7IdentityCheck.Identifier],
        merged: [HL7IdentityCheck.Identifier]
    ) -> HL7MessageSummary {
        func identifiers(_ ids: [HL7IdentityCheck.Identifier]) -> [HL7MessageSummary.Identifier] {
            var result: [HL7MessageSummary.Identifier] = []
            result.reserveCapacity(ids.count)
            for id in ids where !id.value.isEmpty { result.append(.init(value: id.value, kind: id.kind)) }
            return result
        }
        let type = header.messageType
        return HL7MessageSummary(
            type: type?.code ?? "", event: type?.triggerEvent ?? "",
            controlID: header.controlID ?? "", sendingApplication: header.sendingApplicationNamespaceID ?? "",
            sendingFacility: header.sendingFacilityNamespaceID ?? "", version: header.versionID ?? "",
            processingID: header.processingID ?? "", segments: segments,
            patientIdentifiers: identifiers(patients), mergedIdentifiers: identifiers(merged))
    }

    private func header(
        _ message: Message, _ header: MessageHeader, _ summary: HL7MessageSummary, known: Bool,
        into findings: inout [VerificationFinding]
    ) {
        func msh(_ field: Int, component: Int? = nil) -> VerificationFinding.Location {
            .init(segment: "MSH", field: field, component: component)
        }
        let code = summary.type
        if code.isEmpty {
            findings.append(.init(.error, code: 101, rule: "header.message-type", at: msh(9),
                LocalizedText(sv: "MSH-9 (meddelandetyp) saknas.", en: "MSH-9 (message type) is missing.")))
        } else if !prepared.types.contains(code) {
            findings.append(.init(.error, code: 200, rule: "header.unsupported-type", at: msh(9, component: 1),
                LocalizedText(sv: "Meddelandetypen \(code) tas inte emot av \(prepared.profile.platform).",
                              en: "Message type \(code) is not accepted by \(prepared.profile.platform).")))
        } else if !known {
            let accepted = prepared.profile.messages.filter { $0.type == code }.map(\.event).joined(separator: ", ")
            findings.append(.init(.error, code: 201, rule: "header.unsupported-event", at: msh(9, component: 2),
                LocalizedText(sv: "Händelsen \(code)^\(summary.event) tas inte emot; för \(code): \(accepted).",
                              en: "Event \(code)^\(summary.event) is not accepted; for \(code): \(accepted).")))
        }
        if summary.controlID.isEmpty {
            findings.append(.init(.error, code: 101, rule: "header.control-id", at: msh(10),
                LocalizedText(sv: "MSH-10 (meddelandets kontroll-id) saknas.", en: "MSH-10 (message control id) is missing.")))
        }
        let processing = summary.processingID
        if !prepared.profile.processingIDs.contains(processing) {
            findings.append(.init(.error, code: 202, rule: "header.processing-id", at: msh(11),
                LocalizedText(deferred: HL7FindingText.ProcessingID(processing: processing, accepted: prepared.profile.processingIDs))))
        }
        let version = summary.version
        if !prepared.profile.versions.contains(version) {
            findings.append(.init(.error, code: 203, rule: "header.version", at: msh(12),
                LocalizedText(sv: "MSH-12 är \"\(version)\"; överenskomna versioner: \(prepared.profile.versions.joined(separator: ", ")).",
                              en: "MSH-12 is \"\(version)\"; agreed versions: \(prepared.profile.versions.joined(separator: ", ")).")))
        }
        receiver(5, expected: prepared.profile.receivingApplication, actual: header.receivingApplicationNamespaceID, into: &findings)
        receiver(6, expected: prepared.profile.receivingFacility, actual: header.receivingFacilityNamespaceID, into: &findings)
        if message.characterSet == .ascii {
            // An empty MSH-18 means 7-bit ASCII; bytes above it mean the sender left its real set unsaid.
            if message.bytes.contains(where: { $0 >= 0x80 }) {
                findings.append(.init(.warning, code: 103, rule: "header.character-set-missing", at: msh(18),
                    LocalizedText(sv: "MSH-18 är tomt (ASCII) men meddelandet har andra tecken; ange UNICODE UTF-8 eller 8859/1.",
                                  en: "MSH-18 is empty (ASCII) but the message has other characters; state UNICODE UTF-8 or 8859/1.")))
            }
        } else if !prepared.profile.characterSets.isEmpty {
            let charset = message.characterSet.msh18Value
            if !prepared.profile.characterSets.contains(charset) {
                findings.append(.init(.error, code: 103, rule: "header.character-set", at: msh(18),
                    LocalizedText(sv: "MSH-18 är \"\(charset)\"; tillåtna teckenuppsättningar: \(prepared.profile.characterSets.joined(separator: ", ")).",
                                  en: "MSH-18 is \"\(charset)\"; allowed character sets: \(prepared.profile.characterSets.joined(separator: ", ")).")))
            }
        }
    }

    /// MSH-5 or MSH-6 against the profile's receiver.
    private func receiver(_ field: Int, expected: String?, actual: String?, into findings: inout [VerificationFinding]) {
        guard let expected, (actual ?? "") != expected else { return }
        findings.append(.init(.error, code: 103, rule: "header.receiver", at: .init(segment: "MSH", field: field),
            LocalizedText(sv: "MSH-\(field) är \"\(actual ?? "")\"; \(prepared.profile.platform) förväntar \"\(expected)\".",
                          en: "MSH-\(field) is \"\(actual ?? "")\"; \(prepared.profile.platform) expects \"\(expected)\".")))
    }

    /// The segments against the rule's order and cardinality. A segment met again whose rule has no upper bound
    /// starts a repetition of the group from there (ORC/OBR/OBX groups repeat); one met again otherwise is out
    /// of order; one the rule does not list is a warning. The general form, on IDs as strings; `check` uses the
    /// same walk on codes (below) whenever the profile's IDs have them.
    static func structure(_ ids: [String], _ rule: HL7Profile.MessageRule) -> [VerificationFinding] {
        var findings: [VerificationFinding] = []
        var counts = Array(repeating: 0, count: rule.segments.count)
        var position = 0
        for (offset, id) in ids.enumerated() {
            // Counted only where a finding needs it: most messages have none.
            var place: VerificationFinding.Location {
                .init(segment: id, occurrence: ids[...offset].filter { $0 == id }.count)
            }
            guard let index = rule.segments.firstIndex(where: { $0.id == id }) else {
                findings.append(.init(.warning, code: 100, rule: "structure.unexpected-segment", at: place,
                    LocalizedText(sv: "Segmentet \(id) ingår inte i \(rule.name) enligt profilen.",
                                  en: "Segment \(id) is not part of \(rule.name) in the profile.")))
                continue
            }
            if index < position && rule.segments[index].max != nil {
                findings.append(.init(.error, code: 100, rule: "structure.out-of-order", at: place,
                    LocalizedText(sv: "Segmentet \(id) kommer i fel ordning i \(rule.name).",
                                  en: "Segment \(id) is out of order in \(rule.name).")))
                continue
            }
            position = index
            counts[index] += 1
            if let max = rule.segments[index].max, counts[index] == max + 1 {
                findings.append(.init(.error, code: 100, rule: "structure.too-many", at: place,
                    LocalizedText(sv: "\(rule.name) får ha högst \(max) \(id).", en: "\(rule.name) may have at most \(max) \(id).")))
            }
        }
        for (index, segment) in rule.segments.enumerated() where counts[index] < segment.min {
            findings.append(.init(.error, code: 100, rule: "structure.missing-segment", at: .init(segment: segment.id),
                LocalizedText(sv: "\(rule.name) kräver segmentet \(segment.id).", en: "\(rule.name) requires segment \(segment.id).")))
        }
        return findings
    }

    /// `structure(_:_:)` on segment codes: the same walk and the same findings, with integer comparisons and the
    /// counts on the stack. Comparing codes is comparing the IDs: a message's IDs are three ASCII characters, and
    /// `codes` exists only when the rule's are too.
    static func structure(
        _ segments: [SegmentCode], _ prepared: Rule, codes: [SegmentCode], into findings: inout [VerificationFinding]
    ) {
        let rule = prepared.rule
        withUnsafeTemporaryAllocation(of: Int.self, capacity: codes.count) { counts in
            counts.initialize(repeating: 0)
            var position = 0
            for (offset, segment) in segments.enumerated() {
                var place: VerificationFinding.Location {
                    .init(segment: segment.id, occurrence: segments[...offset].filter { $0 == segment }.count)
                }
                guard let index = codes.firstIndex(of: segment) else {
                    findings.append(.init(.warning, code: 100, rule: "structure.unexpected-segment", at: place,
                        LocalizedText(deferred: HL7FindingText.UnexpectedSegment(ruleName: prepared.name, segment: segment))))
                    continue
                }
                var id: String { segment.id }
                if index < position && rule.segments[index].max != nil {
                    findings.append(.init(.error, code: 100, rule: "structure.out-of-order", at: place,
                        LocalizedText(sv: "Segmentet \(id) kommer i fel ordning i \(prepared.name).",
                                      en: "Segment \(id) is out of order in \(prepared.name).")))
                    continue
                }
                position = index
                counts[index] += 1
                if let max = rule.segments[index].max, counts[index] == max + 1 {
                    findings.append(.init(.error, code: 100, rule: "structure.too-many", at: place,
                        LocalizedText(sv: "\(prepared.name) får ha högst \(max) \(id).", en: "\(prepared.name) may have at most \(max) \(id).")))
                }
            }
            for (index, segment) in rule.segments.enumerated() where counts[index] < segment.min {
                findings.append(.init(.error, code: 100, rule: "structure.missing-segment", at: .init(segment: segment.id),
                    LocalizedText(sv: "\(prepared.name) kräver segmentet \(segment.id).",
                                  en: "\(prepared.name) requires segment \(segment.id).")))
            }
        }
    }

    /// A required field is missing only in a message that has its segment (a missing segment is the structure's).
    private static func requiredFields(
        _ message: Message, _ segments: [SegmentCode], _ rule: Rule, into findings: inout [VerificationFinding]
    ) {
        for (text, path, segment) in rule.required {
            guard let segment, segments.contains(segment), message.isEmpty(at: path) else { continue }
            findings.append(.init(.error, code: 101, rule: "structure.required-field",
                at: .init(segment: path.segmentID, field: path.field, component: path.component, subcomponent: path.subcomponent),
                LocalizedText(deferred: HL7FindingText.RequiredField(path: text, ruleName: rule.name))))
        }
    }
}
