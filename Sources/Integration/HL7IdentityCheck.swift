import Domain
import HL7

/// The Swedish identity rules on an HL7 message (reference §4.3 and §8.6): PID-3 holds at least one CX whose
/// assigning authority is a known patient identifier OID, each CX.1 valid for its kind, no OID twice with different
/// values; MRG-1 present for a merge (A40) or a change of identifier (A47) and not the patient's own identifier. In
/// verification a real personnummer (not one of Skatteverket's test numbers) is an error of its own kind.
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

    /// A CX read with the message's own delimiters: its value, its OID and where the OID stood.
    struct Identifier {
        let value: String
        let oid: String?
        let oidAsNamespace: Bool
        let scheme: IdentifierScheme?
        let kind: IdentifierKind?

        init(_ cx: ExtendedCompositeID) {
            value = cx.id
            let authority = cx.assigningAuthority
            if let universal = authority?.universalID, !universal.isEmpty {
                oid = universal
                oidAsNamespace = false
            } else if let namespace = authority?.namespaceID, !namespace.isEmpty {
                oid = namespace
                oidAsNamespace = true
            } else {
                oid = nil
                oidAsNamespace = false
            }
            scheme = oid.flatMap(IdentifierScheme.init(oid:))
            kind = scheme.flatMap(HL7IdentityCheck.patientKind)
        }
    }

    static func findings(
        patients: [Identifier], merged: [Identifier], hasPID: Bool, event: String, profile: HL7Profile, verification: Bool,
        today: CivilDate
    ) -> [VerificationFinding] {
        var findings: [VerificationFinding] = []
        if hasPID {
            findings += check(patients, field: 3, segment: "PID", profile: profile, verification: verification, today: today)
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
                findings += check(merged, field: 1, segment: "MRG", profile: profile, verification: verification, today: today)
                let current = Set(patients.map { "\($0.value)|\($0.oid ?? "")" })
                if merged.contains(where: { current.contains("\($0.value)|\($0.oid ?? "")") }) {
                    findings.append(.init(
                        .error, code: 102, rule: "identity.mrg-equals-pid", at: .init(segment: "MRG", field: 1),
                        LocalizedText(
                            sv: "MRG-1 är samma identitet som PID-3: en sammanslagning måste ha en annan tidigare identitet.",
                            en: "MRG-1 is the same identifier as PID-3: a merge needs another prior identifier.")))
                }
            }
        }
        return findings
    }

    /// Each CX of a field: OID known, value valid for its kind, no OID with two values.
    private static func check(
        _ ids: [Identifier], field: Int, segment: String, profile: HL7Profile, verification: Bool,
        today: CivilDate
    ) -> [VerificationFinding] {
        var findings: [VerificationFinding] = []
        var valueByOID: [String: String] = [:]
        for (index, id) in ids.enumerated() {
            let repetition = index + 1
            let place = VerificationFinding.Location(segment: segment, field: field, repetition: repetition)
            guard let oid = id.oid else { continue }
            guard let scheme = id.scheme, id.kind != nil else {
                // A local identifier (a RIS number) beside the Swedish one is common and fine; an OID that names
                // an organisation or a person in the staff registry is no patient identifier.
                if id.scheme != nil {
                    findings.append(.init(
                        .error, code: 102, rule: "identity.not-a-patient-identifier", at: place,
                        LocalizedText(sv: "\(segment)-\(field): OID \(oid) är ingen patientidentitet.",
                                      en: "\(segment)-\(field): OID \(oid) is no patient identifier.")))
                }
                continue
            }
            if id.oidAsNamespace {
                findings.append(.init(
                    profile.plainOIDAllowed ? .warning : .error, code: 102, rule: "identity.oid-in-namespace",
                    at: .init(segment: segment, field: field, repetition: repetition, component: 4),
                    LocalizedText(
                        sv: "\(segment)-\(field): OID:n står som CX.4 (HD.1); skriv den som &\(oid)&ISO.",
                        en: "\(segment)-\(field): the OID stands as CX.4 (HD.1); write it as &\(oid)&ISO.")))
            }
            if let earlier = valueByOID[oid], earlier != id.value {
                findings.append(.init(
                    .error, code: 205, rule: "identity.conflicting-values", at: place,
                    LocalizedText(sv: "\(segment)-\(field): OID \(oid) har två olika värden (\(earlier) och \(id.value)).",
                                  en: "\(segment)-\(field): OID \(oid) has two different values (\(earlier) and \(id.value)).")))
            }
            valueByOID[oid] = valueByOID[oid] ?? id.value
            // CX.1 is the interface form (twelve characters, no separator), so the scheme's own parser judges it.
            let parsed: (any SwedishIdentifier)?
            do {
                parsed = try scheme.parse(id.value, today: today)
            } catch {
                parsed = nil
                for issue in error.errors {
                    findings.append(.init(
                        .error, code: 102, rule: "identity.invalid-\(issue.code.rawValue)",
                        at: .init(segment: segment, field: field, repetition: repetition, component: 1),
                        LocalizedText(sv: "\(segment)-\(field): \(id.value): \(issue.message.sv)",
                                      en: "\(segment)-\(field): \(id.value): \(issue.message.en)")))
                }
            }
            if verification, let personnummer = parsed as? Personnummer, !personnummer.isTestNumber {
                findings.append(.init(
                    .error, code: 102, rule: "identity.real-personnummer",
                    at: .init(segment: segment, field: field, repetition: repetition, component: 1),
                    LocalizedText(
                        sv: "\(segment)-\(field): \(id.value) är inget av Skatteverkets testpersonnummer: riktiga personuppgifter i verifieringstrafik.",
                        en: "\(segment)-\(field): \(id.value) is not one of Skatteverket's test numbers: real personal data in verification traffic.")))
            }
        }
        return findings
    }
}
