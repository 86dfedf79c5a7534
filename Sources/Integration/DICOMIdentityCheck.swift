import DICOM
import Domain

/// The Swedish identity rules on a DICOM object's patient (reference.md 9.2): the issuer, the OID of the first
/// (0010,0024) item that has one or else (0010,0021), says which kind of identifier (0010,0020) is, and the value must
/// be valid for that kind. Without an issuer a personnummer and then a samordningsnummer are tried, with a warning
/// that the issuer is missing. In verification a personnummer that is not one of Skatteverket's test numbers is an
/// error of its own kind, as in HL7 (`identity.real-personnummer`).
enum DICOMIdentityCheck {
    struct Result {
        var findings: [VerificationFinding] = []
        var kind: IdentifierKind?
        var issuer: String?
        var issuerNamesIdentifier = false
    }

    static func check(_ data: DataSet, verification: Bool, today: CivilDate) -> Result {
        var result = Result()
        guard let patientID = data.patientID, !patientID.isEmpty else {
            result.findings.append(DICOMObjectCheck.finding(.error, 101, "dicom.patient-id-missing", .patientID, LocalizedText(
                sv: "PatientID (0010,0020) saknas.", en: "PatientID (0010,0020) is missing.")))
            return result
        }
        // The qualifiers' Universal Entity ID is the machine-readable issuer; (0010,0021) is often a local label
        // beside it (`SE-PNR`), so it counts only when the sequence names none.
        let issuerTag: DICOMTag
        if let oid = data.issuerOfPatientIDQualifiers.lazy.compactMap(\.universalEntityID).first(where: { !$0.isEmpty }) {
            result.issuer = oid
            issuerTag = .issuerOfPatientIDQualifiersSequence
        } else {
            result.issuer = data.issuerOfPatientID.flatMap { $0.isEmpty ? nil : $0 }
            issuerTag = .issuerOfPatientID
        }
        let parsed: (any SwedishIdentifier)?
        if let issuer = result.issuer {
            guard let scheme = IdentifierScheme(oid: issuer) else {
                // A local namespace (a RIS's own ids) says nothing a Swedish rule can check.
                result.findings.append(DICOMObjectCheck.finding(.warning, 103, "dicom.issuer-unknown", issuerTag, LocalizedText(
                    sv: "Utfärdaren \"\(issuer)\" \(issuerTag) är ingen känd svensk OID för patientidentiteter; PatientID \(patientID) kontrolleras inte.",
                    en: "The issuer \"\(issuer)\" \(issuerTag) is no known Swedish OID for patient identifiers; PatientID \(patientID) is not checked.")))
                return result
            }
            guard scheme.kind == .personnummer || scheme.kind == .samordningsnummer || scheme.kind == .reservnummer else {
                result.findings.append(DICOMObjectCheck.finding(.error, 102, "identity.not-a-patient-identifier", issuerTag, LocalizedText(
                    sv: "Utfärdaren \(issuer) \(issuerTag) är ingen patientidentitet.",
                    en: "The issuer \(issuer) \(issuerTag) is no patient identifier.")))
                return result
            }
            do {
                parsed = try scheme.parse(patientID, today: today)
                result.kind = scheme.kind
                result.issuerNamesIdentifier = true
            } catch {
                parsed = nil
                for issue in error.errors {
                    result.findings.append(DICOMObjectCheck.finding(.error, 102, "identity.invalid-\(issue.code.rawValue)", .patientID, LocalizedText(
                        sv: "PatientID (0010,0020) \(patientID): \(issue.message.sv)",
                        en: "PatientID (0010,0020) \(patientID): \(issue.message.en)")))
                }
            }
        } else {
            let tried = [IdentifierScheme.personnummer, .samordningsnummer].lazy
                .compactMap { scheme in (try? scheme.parse(patientID, today: today)).map { (scheme, $0) } }.first
            parsed = tried?.1
            result.kind = tried?.0.kind
            if let kind = result.kind {
                result.findings.append(DICOMObjectCheck.finding(.warning, 101, "dicom.issuer-missing", .issuerOfPatientID, LocalizedText(
                    sv: "IssuerOfPatientID (0010,0021) saknas; PatientID \(patientID) lästes som \(kind.title.sv.lowercased()). Ange OID:n, t.ex. \(IdentifierScheme.personnummer.oid).",
                    en: "IssuerOfPatientID (0010,0021) is missing; PatientID \(patientID) was read as a \(kind.title.en.lowercased()). Give the OID, e.g. \(IdentifierScheme.personnummer.oid).")))
            } else {
                result.findings.append(DICOMObjectCheck.finding(.error, 102, "dicom.patient-id-unrecognised", .patientID, LocalizedText(
                    sv: "PatientID \(patientID) är varken personnummer eller samordningsnummer, och ingen utfärdare (0010,0021) säger vad det är.",
                    en: "PatientID \(patientID) is neither a personnummer nor a samordningsnummer, and no issuer (0010,0021) says what it is.")))
            }
        }
        if verification, let personnummer = parsed as? Personnummer, !personnummer.isTestNumber {
            result.findings.append(DICOMObjectCheck.finding(.error, 102, "identity.real-personnummer", .patientID, LocalizedText(
                sv: "PatientID \(patientID) är inget av Skatteverkets testpersonnummer: riktiga personuppgifter i verifieringstrafik.",
                en: "PatientID \(patientID) is not one of Skatteverket's test numbers: real personal data in verification traffic.")))
        }
        return result
    }
}
