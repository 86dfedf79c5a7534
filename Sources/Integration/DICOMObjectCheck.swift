import DICOM
import Domain

/// Checks one DICOM object against a platform's DICOM profile and the Swedish identity rules (reference.md 9.2):
/// PatientID valid for the kind its issuer names (the OID of (0010,0024), else (0010,0021)), or without an issuer
/// as a personnummer or samordningsnummer with a warning; in verification a real personnummer is an error of its
/// own kind; PatientName present; the UIDs present and well formed; SOP class and instance the same in the data
/// set, the file meta and the C-STORE command; AccessionNumber, InstitutionName and StudyDate present (warnings),
/// Modality present; the character set one the profile allows. Every finding names the attribute by its tag.
public struct DICOMObjectCheck: Sendable {
    public let profile: DICOMProfile

    public init(_ profile: DICOMProfile) {
        self.profile = profile
    }

    /// What the C-STORE request said the object is, to compare with the data set.
    public struct Command: Sendable {
        public let sopClassUID: String
        public let sopInstanceUID: String

        public init(sopClassUID: String, sopInstanceUID: String) {
            self.sopClassUID = sopClassUID
            self.sopInstanceUID = sopInstanceUID
        }
    }

    /// The findings and the summary of `file` (`size` bytes as stored), received with `command` if over the network.
    public func check(
        _ file: DICOMFile, size: Int, command: Command? = nil, verification: Bool, today: CivilDate
    ) -> (findings: [VerificationFinding], summary: DICOMObjectSummary) {
        let data = file.dataSet
        var findings: [VerificationFinding] = []
        let identity = DICOMIdentityCheck.check(data, verification: verification, today: today)
        findings += identity.findings
        if (data.patientName ?? "").isEmpty {
            findings.append(Self.finding(.error, 101, "dicom.patient-name-missing", .patientName, LocalizedText(
                sv: "PatientName (0010,0010) saknas.", en: "PatientName (0010,0010) is missing.")))
        }
        for (tag, name, value) in [
            (DICOMTag.studyInstanceUID, "StudyInstanceUID", data.studyInstanceUID),
            (.seriesInstanceUID, "SeriesInstanceUID", data.seriesInstanceUID),
            (.sopInstanceUID, "SOPInstanceUID", data.sopInstanceUID), (.sopClassUID, "SOPClassUID", data.sopClassUID),
        ] {
            guard let value, !value.isEmpty else {
                findings.append(Self.finding(.error, 101, "dicom.uid-missing", tag, LocalizedText(
                    sv: "\(name) \(tag) saknas.", en: "\(name) \(tag) is missing.")))
                continue
            }
            if let problem = UID.problem(in: value) {
                findings.append(Self.finding(.error, 102, "dicom.uid-invalid", tag, LocalizedText(
                    sv: "\(name) \(tag) \"\(value)\" är ingen giltig UID (\(problem)).",
                    en: "\(name) \(tag) \"\(value)\" is no valid UID (it \(problem)).")))
            }
        }
        findings += agreement(data, file: file, command: command)
        for (tag, name) in [(DICOMTag.accessionNumber, "AccessionNumber"), (.institutionName, "InstitutionName"),
                            (.studyDate, "StudyDate")] where (data.string(tag) ?? "").isEmpty {
            findings.append(Self.finding(.warning, 101, "dicom.\(name.lowercased())-missing", tag, LocalizedText(
                sv: "\(name) \(tag) saknas.", en: "\(name) \(tag) is missing.")))
        }
        if (data.modality ?? "").isEmpty {
            findings.append(Self.finding(.error, 101, "dicom.modality-missing", .modality, LocalizedText(
                sv: "Modality (0008,0060) saknas.", en: "Modality (0008,0060) is missing.")))
        }
        findings += characterSet(data.specificCharacterSet)
        let summary = DICOMObjectSummary(
            sopClassUID: data.sopClassUID ?? "", sopInstanceUID: data.sopInstanceUID ?? "",
            studyInstanceUID: data.studyInstanceUID ?? "", seriesInstanceUID: data.seriesInstanceUID ?? "",
            transferSyntaxUID: file.transferSyntaxUID, modality: data.modality, patientID: data.patientID,
            patientName: data.patientName, patientIdentifierKind: identity.kind, issuer: identity.issuer,
            issuerNamesIdentifier: identity.issuerNamesIdentifier, accessionNumber: data.accessionNumber,
            institutionName: data.institutionName, studyDate: data.studyDate,
            characterSet: data.specificCharacterSet.allSatisfy(\.isEmpty) ? nil : data.specificCharacterSet.joined(separator: "\\"),
            size: size)
        return (findings, summary)
    }

    /// The SOP class and instance as the data set, the file meta and the command name them.
    private func agreement(_ data: DataSet, file: DICOMFile, command: Command?) -> [VerificationFinding] {
        var findings: [VerificationFinding] = []
        func compare(_ tag: DICOMTag, _ name: String, _ inDataSet: String?, _ elsewhere: String?, _ whereSv: String, _ whereEn: String) {
            guard let inDataSet, let elsewhere, !inDataSet.isEmpty, inDataSet != elsewhere else { return }
            findings.append(Self.finding(.error, 205, "dicom.uid-mismatch", tag, LocalizedText(
                sv: "\(name) \(tag) är \(inDataSet) i datamängden men \(elsewhere) i \(whereSv).",
                en: "\(name) \(tag) is \(inDataSet) in the data set but \(elsewhere) in \(whereEn).")))
        }
        compare(.sopClassUID, "SOPClassUID", data.sopClassUID, file.mediaStorageSOPClassUID, "filens metadata (0002,0002)", "the file meta (0002,0002)")
        compare(.sopInstanceUID, "SOPInstanceUID", data.sopInstanceUID, file.mediaStorageSOPInstanceUID, "filens metadata (0002,0003)", "the file meta (0002,0003)")
        if let command {
            compare(.sopClassUID, "SOPClassUID", data.sopClassUID, command.sopClassUID, "C-STORE-kommandot", "the C-STORE command")
            compare(.sopInstanceUID, "SOPInstanceUID", data.sopInstanceUID, command.sopInstanceUID, "C-STORE-kommandot", "the C-STORE command")
        }
        return findings
    }

    /// (0008,0005) against the profile: no value is the default repertoire, which cannot write å, ä or ö.
    private func characterSet(_ written: [String]) -> [VerificationFinding] {
        // An empty first value stands for the default repertoire beside code extensions.
        let terms = written.filter { !$0.isEmpty }
        guard !terms.isEmpty else {
            return [Self.finding(.warning, 103, "dicom.character-set-missing", .specificCharacterSet, LocalizedText(
                sv: "SpecificCharacterSet (0008,0005) saknas: standardrepertoaren (ASCII) kan inte skriva å, ä eller ö; \(profile.platform) tar \(profile.characterSets.joined(separator: ", ")).",
                en: "SpecificCharacterSet (0008,0005) is missing: the default repertoire (ASCII) cannot write å, ä or ö; \(profile.platform) takes \(profile.characterSets.joined(separator: ", "))."))]
        }
        let refused = terms.filter { !profile.characterSets.contains($0) }
        guard !refused.isEmpty else { return [] }
        return [Self.finding(.error, 103, "dicom.character-set-not-allowed", .specificCharacterSet, LocalizedText(
            sv: "SpecificCharacterSet (0008,0005) \(refused.joined(separator: "\\")) tas inte emot av \(profile.platform) (tillåtna: \(profile.characterSets.joined(separator: ", "))).",
            en: "SpecificCharacterSet (0008,0005) \(refused.joined(separator: "\\")) is not accepted by \(profile.platform) (allowed: \(profile.characterSets.joined(separator: ", "))))."))]
    }

    static func finding(
        _ severity: VerificationFinding.Severity, _ code: Int, _ rule: String, _ tag: DICOMTag, _ text: LocalizedText
    ) -> VerificationFinding {
        VerificationFinding(severity, code: code, rule: rule, at: .attribute(tag.description), text)
    }
}
