import Domain
import HL7

/// Checks one parsed HL7 message against a platform's profile: the header (MSH-9 type and event, MSH-10, MSH-11,
/// MSH-12, MSH-5/MSH-6, MSH-18), the segment structure with its cardinality, the required fields, and the Swedish
/// identity rules. Pure: the same message, profile and day give the same findings.
public enum HL7MessageCheck {
    /// The findings and the summary of `message`; `verification` turns on the rule against real personnummer.
    public static func check(
        _ message: Message, against profile: HL7Profile, verification: Bool, today: CivilDate
    ) -> (findings: [VerificationFinding], summary: HL7MessageSummary) {
        var findings = header(message, profile)
        let type = message.messageType
        if let code = type?.code, let event = type?.triggerEvent, let rule = profile.rule(type: code, event: event) {
            findings += structure(message.segments.map(\.id), rule)
            findings += requiredFields(message, rule)
        }
        findings += HL7IdentityCheck.findings(
            message, event: type?.triggerEvent, profile: profile, verification: verification, today: today)
        return (findings, summary(message))
    }

    /// What is kept of the message: type, ids, sender, segments and identifiers.
    public static func summary(_ message: Message) -> HL7MessageSummary {
        func identifiers(_ ids: [ExtendedCompositeID]) -> [HL7MessageSummary.Identifier] {
            ids.filter { !$0.id.isEmpty }.map { .init(value: $0.id, kind: HL7IdentityCheck.Identifier($0).kind) }
        }
        return HL7MessageSummary(
            type: message.messageType?.code ?? "", event: message.messageType?.triggerEvent ?? "",
            controlID: message.controlID ?? "", sendingApplication: message.sendingApplication?.namespaceID ?? "",
            sendingFacility: message.sendingFacility?.namespaceID ?? "", version: message.versionID ?? "",
            processingID: message.processingID ?? "", segments: message.segments.map(\.id),
            patientIdentifiers: identifiers(message.patientIdentifiers),
            mergedIdentifiers: identifiers(message.compositeIDs(at: "MRG-1")))
    }

    private static func header(_ message: Message, _ profile: HL7Profile) -> [VerificationFinding] {
        var findings: [VerificationFinding] = []
        func msh(_ field: Int, component: Int? = nil) -> VerificationFinding.Location {
            .init(segment: "MSH", field: field, component: component)
        }
        let type = message.messageType
        if type?.code.isEmpty ?? true {
            findings.append(.init(.error, code: 101, rule: "header.message-type", at: msh(9),
                LocalizedText(sv: "MSH-9 (meddelandetyp) saknas.", en: "MSH-9 (message type) is missing.")))
        } else if let code = type?.code, !profile.messages.contains(where: { $0.type == code }) {
            findings.append(.init(.error, code: 200, rule: "header.unsupported-type", at: msh(9, component: 1),
                LocalizedText(sv: "Meddelandetypen \(code) tas inte emot av \(profile.platform).",
                              en: "Message type \(code) is not accepted by \(profile.platform).")))
        } else if let code = type?.code, profile.rule(type: code, event: type?.triggerEvent ?? "") == nil {
            let accepted = profile.messages.filter { $0.type == code }.map(\.event).joined(separator: ", ")
            findings.append(.init(.error, code: 201, rule: "header.unsupported-event", at: msh(9, component: 2),
                LocalizedText(sv: "Händelsen \(code)^\(type?.triggerEvent ?? "") tas inte emot; för \(code): \(accepted).",
                              en: "Event \(code)^\(type?.triggerEvent ?? "") is not accepted; for \(code): \(accepted).")))
        }
        if (message.controlID ?? "").isEmpty {
            findings.append(.init(.error, code: 101, rule: "header.control-id", at: msh(10),
                LocalizedText(sv: "MSH-10 (meddelandets kontroll-id) saknas.", en: "MSH-10 (message control id) is missing.")))
        }
        let processing = message.processingID ?? ""
        if !profile.processingIDs.contains(processing) {
            findings.append(.init(.error, code: 202, rule: "header.processing-id", at: msh(11),
                LocalizedText(
                    sv: "MSH-11 är \"\(processing)\"; verifieringsmiljön tar emot \(profile.processingIDs.joined(separator: ", ")).",
                    en: "MSH-11 is \"\(processing)\"; the verification environment takes \(profile.processingIDs.joined(separator: ", ")).")))
        }
        let version = message.versionID ?? ""
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
        var occurrences: [String: Int] = [:]
        for id in ids {
            occurrences[id, default: 0] += 1
            let place = VerificationFinding.Location(segment: id, occurrence: occurrences[id])
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

    private static func requiredFields(_ message: Message, _ rule: HL7Profile.MessageRule) -> [VerificationFinding] {
        rule.requiredFields.compactMap { text -> VerificationFinding? in
            guard let path = try? FieldPath(parsing: text), message.segment(path.segmentID) != nil else { return nil }
            guard (message.value(at: path) ?? "").isEmpty else { return nil }
            return .init(.error, code: 101, rule: "structure.required-field",
                at: .init(segment: path.segmentID, field: path.field, component: path.component, subcomponent: path.subcomponent),
                LocalizedText(sv: "\(text) är obligatoriskt i \(rule.name) men tomt.", en: "\(text) is required in \(rule.name) but empty."))
        }
    }
}
