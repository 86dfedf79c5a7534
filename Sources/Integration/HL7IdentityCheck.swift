import Domain
import HL7

/// The Swedish identity rules on an HL7 message (reference §4.3 and §8.6): PID-3 holds at least one CX whose
/// assigning authority is a known patient identifier OID, each CX.1 valid for its kind, no OID twice with different
/// values; MRG-1 present for a merge (A40) or a change of identifier (A47) and not the patient's own identifier. In
/// verification a real personnummer (not one of Skatteverket's test numbers) is an error of its own kind.
///
/// This runs on every identifier of every message of a session, so it reads each CX borrowed from the message
/// (`CompositeIDRanges`): the OID is matched on its bytes against the known ones, and only CX.1 becomes a string
/// (twelve characters: a small string, no allocation).
enum HL7IdentityCheck {
    /// The kinds of patient identifier PID-3 and MRG-1 may carry.
    static func patientKind(_ scheme: IdentifierScheme) -> IdentifierKind? {
        switch scheme {
        case .personnummer: .personnummer
        case .samordningsnummer: .samordningsnummer
        case .nationalReservnummer, .localReservnummer: .reservnummer
        case .organisationsnummer, .hsaID: nil
        }
    }

    /// The two fields the rules read; one byte, so a finding's deferred sentence stays small.
    enum Field: UInt8, Sendable {
        case pid3, mrg1

        var segment: String { self == .pid3 ? "PID" : "MRG" }
        var number: Int { self == .pid3 ? 3 : 1 }
        /// `PID-3`, as the sentences start.
        var name: String { self == .pid3 ? "PID-3" : "MRG-1" }
        var path: FieldPath { self == .pid3 ? Self.pid3Path : Self.mrg1Path }

        private static let pid3Path = FieldPath(segmentID: "PID", field: 3)
        private static let mrg1Path = FieldPath(segmentID: "MRG", field: 1)
    }

    /// A CX read with the message's own delimiters: its value, its OID and where the OID stood.
    struct Identifier {
        let value: String
        let oid: String?
        let oidAsNamespace: Bool
        let scheme: IdentifierScheme?
        let kind: IdentifierKind?

        /// The identifiers of a field, one per non-empty repetition.
        static func all(in message: Message, _ field: Field) -> [Identifier] {
            var identifiers: [Identifier] = []
            message.forEachCompositeID(at: field.path) { identifiers.append(Identifier(message: message, ranges: $0)) }
            return identifiers
        }

        /// The OID is HD.2 of CX.4 when it has text, else HD.1 (the plain form some senders use).
        init(message: Message, ranges: CompositeIDRanges) {
            value = message.text(ranges.id)
            let authority = ranges.assigningAuthority
            if let universal = authority?.universalID.flatMap({ Self.oid(message, $0) }) {
                (oid, scheme) = (universal.oid, universal.scheme)
                oidAsNamespace = false
            } else if let namespace = authority?.namespaceID.flatMap({ Self.oid(message, $0) }) {
                (oid, scheme) = (namespace.oid, namespace.scheme)
                oidAsNamespace = true
            } else {
                (oid, scheme) = (nil, nil)
                oidAsNamespace = false
            }
            kind = scheme.flatMap(HL7IdentityCheck.patientKind)
        }

        /// The decoded text of one HD part and the scheme it names; nil when it has no text. A part written as one
        /// of the known OIDs without escapes is matched on its bytes and answered with the scheme's own OID
        /// constant; anything else is decoded and read by `IdentifierScheme(oid:)`, as before.
        private static func oid(_ message: Message, _ range: Range<Int>) -> (oid: String, scheme: IdentifierScheme?)? {
            guard !range.isEmpty else { return nil }
            let known = message.withRawBytes(range) { bytes, hasEscape in
                hasEscape ? nil : IdentifierScheme.knownOID(utf8: bytes)
            }
            if let known { return (known.oid, known.scheme) }
            let text = message.text(range)
            return text.isEmpty ? nil : (text, IdentifierScheme(oid: text))
        }
    }

    static func findings(
        patients: [Identifier], merged: [Identifier], hasPID: Bool, event: String, profile: HL7Profile, verification: Bool,
        today: CivilDate, into findings: inout [VerificationFinding]
    ) {
        if hasPID {
            check(patients, field: .pid3, profile: profile, verification: verification, today: today, into: &findings)
            if !patients.contains(where: { $0.kind != nil && $0.oid != nil }) {
                findings.append(.init(
                    .error, code: 101, rule: "identity.no-swedish-identifier", at: .init(segment: "PID", field: 3),
                    LocalizedText(
                        sv: "PID-3 saknar en identitet med känd svensk OID (personnummer, samordningsnummer eller reservnummer) som &OID&ISO i CX.4.",
                        en: "PID-3 holds no identifier with a known Swedish OID (personnummer, samordningsnummer or reservnummer) as &OID&ISO in CX.4.")))
            }
        }
        if event == "A40" || event == "A47" {
            if merged.isEmpty || merged.allSatisfy({ $0.value.isEmpty }) {
                findings.append(.init(
                    .error, code: 101, rule: "identity.mrg-missing", at: .init(segment: "MRG", field: 1),
                    LocalizedText(
                        sv: "ADT^\(event) kräver MRG-1 med den tidigare identiteten.",
                        en: "ADT^\(event) requires MRG-1 with the prior identifier.")))
            } else {
                check(merged, field: .mrg1, profile: profile, verification: verification, today: today, into: &findings)
                if merged.contains(where: { prior in patients.contains { isSame(prior, $0) } }) {
                    findings.append(.init(
                        .error, code: 102, rule: "identity.mrg-equals-pid", at: .init(segment: "MRG", field: 1),
                        LocalizedText(
                            sv: "MRG-1 är samma identitet som PID-3: en sammanslagning måste ha en annan tidigare identitet.",
                            en: "MRG-1 is the same identifier as PID-3: a merge needs another prior identifier.")))
                }
            }
        }
    }

    /// Whether two identifiers have the same `value|oid` key, the rule's definition of "the same identifier", without
    /// building the keys: when no part holds a `|` the keys split one way only, so comparing the parts is comparing
    /// the keys (String equality, canonical equivalence included); otherwise the keys are built and compared.
    static func isSame(_ a: Identifier, _ b: Identifier) -> Bool {
        let (aOID, bOID) = (a.oid ?? "", b.oid ?? "")
        let bar = UInt8(ascii: "|")
        if a.value.utf8.contains(bar) || aOID.utf8.contains(bar) || b.value.utf8.contains(bar) || bOID.utf8.contains(bar) {
            return "\(a.value)|\(aOID)" == "\(b.value)|\(bOID)"
        }
        return a.value == b.value && aOID == bOID
    }

    /// `identity.invalid-<code>` for every identifier issue, made once: too long for a small string, each made per
    /// finding would cost an allocation.
    private static let invalidRules = Dictionary(
        uniqueKeysWithValues: IdentifierIssue.Code.allCases.map { ($0, "identity.invalid-\($0.rawValue)") })

    /// Each CX of a field: OID known, value valid for its kind, no OID with two values.
    private static func check(
        _ ids: [Identifier], field: Field, profile: HL7Profile, verification: Bool, today: CivilDate,
        into findings: inout [VerificationFinding]
    ) {
        let segment = field.segment
        let number = field.number
        // The first value each OID had, among the patient identifiers before this one: a scan, as a field holds
        // one to three; a dictionary past that, so that a field of thousands of repetitions stays linear.
        var valueByOID: [String: String]? = ids.count > 16 ? [:] : nil
        func earlierValue(before index: Int, oid: String) -> String? {
            if let valueByOID { return valueByOID[oid] }
            return ids[..<index].first { $0.oid == oid && $0.scheme != nil && $0.kind != nil }?.value
        }
        for (index, id) in ids.enumerated() {
            let repetition = index + 1
            guard let oid = id.oid else { continue }
            guard let scheme = id.scheme, id.kind != nil else {
                // A local identifier (a RIS number) beside the Swedish one is common and fine; an OID that names
                // an organisation or a person in the staff registry is no patient identifier.
                if id.scheme != nil {
                    findings.append(.init(
                        .error, code: 102, rule: "identity.not-a-patient-identifier",
                        at: .init(segment: segment, field: number, repetition: repetition),
                        LocalizedText(sv: "\(segment)-\(number): OID \(oid) är ingen patientidentitet.",
                                      en: "\(segment)-\(number): OID \(oid) is no patient identifier.")))
                }
                continue
            }
            if id.oidAsNamespace {
                findings.append(.init(
                    profile.plainOIDAllowed ? .warning : .error, code: 102, rule: "identity.oid-in-namespace",
                    at: .init(segment: segment, field: number, repetition: repetition, component: 4),
                    LocalizedText(
                        sv: "\(segment)-\(number): OID:n står som CX.4 (HD.1); skriv den som &\(oid)&ISO.",
                        en: "\(segment)-\(number): the OID stands as CX.4 (HD.1); write it as &\(oid)&ISO.")))
            }
            let earlier = earlierValue(before: index, oid: oid)
            if let earlier, earlier != id.value {
                findings.append(.init(
                    .error, code: 205, rule: "identity.conflicting-values",
                    at: .init(segment: segment, field: number, repetition: repetition),
                    LocalizedText(sv: "\(segment)-\(number): OID \(oid) har två olika värden (\(earlier) och \(id.value)).",
                                  en: "\(segment)-\(number): OID \(oid) has two different values (\(earlier) and \(id.value)).")))
            }
            if valueByOID != nil, earlier == nil { valueByOID?[oid] = id.value }
            // CX.1 is the interface form (twelve characters, no separator), so the scheme's own parser judges it.
            // A personnummer is parsed as one directly (what `scheme.parse` does for it) to ask whether it is a
            // test number without casting an existential.
            let isRealPersonnummer: Bool
            do throws(IdentifierError) {
                if case .personnummer = scheme {
                    isRealPersonnummer = !(try Personnummer.parse(id.value, today: today)).isTestNumber
                } else {
                    _ = try scheme.parse(id.value, today: today)
                    isRealPersonnummer = false
                }
            } catch {
                isRealPersonnummer = false
                for issue in error.errors {
                    findings.append(.init(
                        .error, code: 102, rule: invalidRules[issue.code] ?? "identity.invalid-\(issue.code.rawValue)",
                        at: .init(segment: segment, field: number, repetition: repetition, component: 1),
                        LocalizedText(deferred: HL7FindingText.InvalidIdentifier(value: id.value, field: field, issue: issue.message))))
                }
            }
            if verification, isRealPersonnummer {
                findings.append(.init(
                    .error, code: 102, rule: "identity.real-personnummer",
                    at: .init(segment: segment, field: number, repetition: repetition, component: 1),
                    LocalizedText(deferred: HL7FindingText.RealPersonnummer(value: id.value, field: field))))
            }
        }
    }
}
