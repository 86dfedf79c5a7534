import Domain
import HL7

/// Checks parsed HL7 messages against a platform's profile: the header (MSH-9 type and event, MSH-10, MSH-11,
/// MSH-12, MSH-5/MSH-6, MSH-18), the segment structure with its cardinality, the required fields, and the Swedish
/// identity rules. Made once per profile (its rules indexed, its field paths parsed), then used for every message
/// of a session; this is the hot path of the verification environment (BENCHMARKS.md, HL7). Pure: the same
/// message, profile and day give the same findings.
public struct HL7MessageCheck: Sendable {
    public let profile: HL7Profile
    /// The profile's rules by `TYPE^EVENT`, with their required fields parsed.
    private let rules: [String: (rule: HL7Profile.MessageRule, required: [(text: String, path: FieldPath)])]
    private let types: Set<String>

    public init(_ profile: HL7Profile) {
        self.profile = profile
        var rules: [String: (rule: HL7Profile.MessageRule, required: [(text: String, path: FieldPath)])] = [:]
        for rule in profile.messages {
            // The profile's own validation has refused any path that does not parse.
            let required = rule.requiredFields.compactMap { text in (try? FieldPath(parsing: text)).map { (text, $0) } }
            rules[rule.name] = (rule, required)
        }
        self.rules = rules
        types = Set(profile.messages.map(\.type))
    }

    /// The findings and the summary of `message`; `verification` turns on the rule against real personnummer.
    public func check(
        _ message: Message, verification: Bool, today: CivilDate
    ) -> (findings: [VerificationFinding], summary: HL7MessageSummary) {
        // Every value is read from the message once; the checks work on what was read.
        let patients = message.patientIdentifiers.map(HL7IdentityCheck.Identifier.init)
        let merged = message.compositeIDs(at: "MRG-1").map(HL7IdentityCheck.Identifier.init)
        let summary = Self.summary(message, patients: patients, merged: merged)
        let rule = rules[summary.messageName]
        var findings = header(message, summary, known: rule != nil)
        if let rule {
            findings += Self.structure(summary.segments, rule.rule)
            findings += Self.requiredFields(message, rule.rule.name, rule.required)
        }
        findings += HL7IdentityCheck.findings(
            patients: patients, merged: merged, hasPID: summary.segments.contains("PID"), event: summary.event,
            profile: profile, verification: verification, today: today)
        return (findings, summary)
    }

    /// What is kept of the message: type, ids, sender, segments and identifiers.
    public static func summary(_ message: Message) -> HL7MessageSummary {
        summary(
            message, patients: message.patientIdentifiers.map(HL7IdentityCheck.Identifier.init),
            merged: message.compositeIDs(at: "MRG-1").map(HL7IdentityCheck.Identifier.init))
    }

    private static func summary(
        _ message: Message, patients: [HL7IdentityCheck.Identifier], merged: [HL7IdentityCheck.Identifier]
    ) -> HL7MessageSummary {
        func identifiers(_ ids: [HL7IdentityCheck.Identifier]) -> [HL7MessageSummary.Identifier] {
            ids.filter { !$0.value.isEmpty }.map { .init(value: $0.value, kind: $0.kind) }
        }
        let type = message.messageType
        return HL7MessageSummary(
            type: type?.code ?? "", event: type?.triggerEvent ?? "",
            controlID: message.controlID ?? "", sendingApplication: message.sendingApplication?.namespaceID ?? "",
            sendingFacility: message.sendingFacility?.namespaceID ?? "", version: message.versionID ?? "",
            processingID: message.processingID ?? "", segments: message.segments.map(\.id),
            patientIdentifiers: identifiers(patients), mergedIdentifiers: identifiers(merged))
    }

    private func header(_ message: Message, _ summary: HL7MessageSummary, known: Bool) -> [VerificationFinding] {
        var findings: [VerificationFinding] = []
        func msh(_ field: Int, component: Int? = nil) -> VerificationFinding.Location {
            .init(segment: "MSH", field: field, component: component)
        }
        let type: MessageType? = summary.type.isEmpty ? nil : MessageType(code: summary.type, triggerEvent: summary.event)
        if type?.code.isEmpty ?? true {
            findings.append(.init(.error, code: 101, rule: "header.message-type", at: msh(9),
                LocalizedText(sv: "MSH-9 (meddelandetyp) saknas.", en: "MSH-9 (message type) is missing.")))
        } else if let code = type?.code, !types.contains(code) {
            findings.append(.init(.error, code: 200, rule: "header.unsupported-type", at: msh(9, component: 1),
                LocalizedText(sv: "Meddelandetypen \(code) tas inte emot av \(profile.platform).",
                              en: "Message type \(code) is not accepted by \(profile.platform).")))
        } else if let code = type?.code, !known {
            let accepted = profile.messages.filter { $0.type == code }.map(\.event).joined(separator: ", ")
            findings.append(.init(.error, code: 201, rule: "header.unsupported-event", at: msh(9, component: 2),
                LocalizedText(sv: "Händelsen \(code)^\(type?.triggerEvent ?? "") tas inte emot; för \(code): \(accepted).",
                              en: "Event \(code)^\(type?.triggerEvent ?? "") is not accepted; for \(code): \(accepted).")))
        }
        if summary.controlID.isEmpty {
            findings.append(.init(.error, code: 101, rule: "header.control-id", at: msh(10),
                LocalizedText(sv: "MSH-10 (meddelandets kontroll-id) saknas.", en: "MSH-10 (message control id) is missing.")))
        }
        let processing = summary.processingID
        if !profile.processingIDs.contains(processing) {
            findings.append(.init(.error, code: 202, rule: "header.processing-id", at: msh(11),
                LocalizedText(
                    sv: "MSH-11 är \"\(processing)\"; verifieringsmiljön tar emot \(profile.processingIDs.joined(separator: ", ")).",
                    en: "MSH-11 is \"\(processing)\"; the verification environment takes \(profile.processingIDs.joined(separator: ", ")).")))
        }
        let version = summary.version
        if !profile.versions.contains(version) {
            findings.append(.init(.error, code: 203, rule: "header.version", at: msh(12),
                LocalizedText(sv: "MSH-12 är \"\(version)\"; överenskomna versioner: \(profile.versions.joined(separator: ", ")).",
                              en: "MSH-12 is \"\(version)\"; agreed versions: \(profile.versions.joined(separator: ", ")).")))
        }
        for (field, expected, actual) in [
            (5, profile.receivingApplication, message.receivingApplication?.namespaceID),
            (6, profile.receivingFacility, message.receivingFacility?.namespaceID),
        ] {
            if let expected, (actual ?? "") != expected {
                findings.append(.init(.error, code: 103, rule: "header.receiver", at: msh(field),
                    LocalizedText(sv: "MSH-\(field) är \"\(actual ?? "")\"; \(profile.platform) förväntar \"\(expected)\".",
                                  en: "MSH-\(field) is \"\(actual ?? "")\"; \(profile.platform) expects \"\(expected)\".")))
            }
        }
        let charset = message.characterSet.msh18Value
        if message.characterSet == .ascii {
            // An empty MSH-18 means 7-bit ASCII; bytes above it mean the sender left its real set unsaid.
            if message.bytes.contains(where: { $0 >= 0x80 }) {
                findings.append(.init(.warning, code: 103, rule: "header.character-set-missing", at: msh(18),
                    LocalizedText(sv: "MSH-18 är tomt (ASCII) men meddelandet har andra tecken; ange UNICODE UTF-8 eller 8859/1.",
                                  en: "MSH-18 is empty (ASCII) but the message has other characters; state UNICODE UTF-8 or 8859/1.")))
            }
        } else if !profile.characterSets.isEmpty, !profile.characterSets.contains(charset) {
            findings.append(.init(.error, code: 103, rule: "header.character-set", at: msh(18),
                LocalizedText(sv: "MSH-18 är \"\(charset)\"; tillåtna teckenuppsättningar: \(profile.characterSets.joined(separator: ", ")).",
                              en: "MSH-18 is \"\(charset)\"; allowed character sets: \(profile.characterSets.joined(separator: ", ")).")))
        }
        return findings
    }

    /// The segments against the rule's order and cardinality. A segment met again whose rule has no upper bound
    /// starts a repetition of the group from there (ORC/OBR/OBX groups repeat); one met again otherwise is out
    /// of order; one the rule does not list is a warning.
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

    private static func requiredFields(
        _ message: Message, _ name: String, _ required: [(text: String, path: FieldPath)]
    ) -> [VerificationFinding] {
        required.compactMap { text, path -> VerificationFinding? in
            guard message.segment(path.segmentID) != nil, message.element(at: path)?.isEmpty ?? true else { return nil }
            return .init(.error, code: 101, rule: "structure.required-field",
                at: .init(segment: path.segmentID, field: path.field, component: path.component, subcomponent: path.subcomponent),
                LocalizedText(sv: "\(text) är obligatoriskt i \(name) men tomt.", en: "\(text) is required in \(name) but empty."))
        }
    }
}
