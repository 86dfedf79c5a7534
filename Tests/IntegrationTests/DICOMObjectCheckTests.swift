import DICOM
import Domain
import Foundation
import Integration
import ProcessFiles
import Testing

/// The checks on one DICOM object against BFR's profile: the identity rules, the attributes an archive needs, the
/// UIDs and their agreement, the character set; and the summary the test cases are decided on.
@Suite("DICOM object checks")
struct DICOMObjectCheckTests {
    static let profile = try! DICOMProfileLoader.loadFolder(
        DICOMProfileLoader.folder(in: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Processes").standardized)).first { $0.id == "bfr-dicom" }!
    static let today = CivilDate(year: 2026, month: 12, day: 6)!

    /// A CT object that passes every rule: a test personnummer with its OID in (0010,0024).
    static func ct(_ change: (inout DataSetWriter) -> Void = { _ in }) -> DataSetWriter {
        var data = DataSetWriter(characterSet: .latin1)
        data.set(.sopClassUID, SOPClass.ctImage.uid)
        data.set(.sopInstanceUID, "1.2.752.24.7.1.1")
        data.set(.studyDate, "20261206")
        data.set(.accessionNumber, "RIS12345")
        data.set(.modality, "CT")
        data.set(.institutionName, "Sahlgrenska Universitetssjukhuset")
        data.set(.patientName, "Åberg^Märta")
        data.set(.patientID, "189001019802")
        data.set(.issuerOfPatientID, "SE-PNR")
        var qualifier = DataSetWriter()
        qualifier.set(.universalEntityID, "1.2.752.129.2.1.3.1")
        qualifier.set(.universalEntityIDType, "ISO")
        data.set(.issuerOfPatientIDQualifiersSequence, .SQ, .sequence([qualifier], undefinedLength: false))
        data.set(.studyInstanceUID, "1.2.752.24.7.1")
        data.set(.seriesInstanceUID, "1.2.752.24.7.1.0")
        change(&data)
        return data
    }

    static func check(
        _ data: DataSetWriter, command: DICOMObjectCheck.Command? = nil
    ) throws -> (rules: [String], summary: DICOMObjectSummary, findings: [VerificationFinding]) {
        let bytes = data.part10(transferSyntax: .explicitVRLittleEndian)
        let file = try DICOMFile.read(from: bytes)
        let (findings, summary) = DICOMObjectCheck(profile).check(
            file, size: bytes.count, command: command, verification: true, today: today)
        return (findings.map(\.rule).sorted(), summary, findings)
    }

    @Test("a correct CT object has no findings; its summary carries what the test cases need")
    func clean() throws {
        let (rules, summary, _) = try Self.check(Self.ct())
        #expect(rules == [])
        #expect(summary.patientIdentifierKind == .personnummer && summary.issuerNamesIdentifier)
        #expect(summary.issuer == "1.2.752.129.2.1.3.1" && summary.modality == "CT" && summary.characterSet == "ISO_IR 100")
        #expect(summary.patientName == "Åberg^Märta", "Latin-1 decoded")
        #expect(summary.transferSyntaxUID == TransferSyntax.explicitVRLittleEndian.uid)
        let ctCase = try #require(Self.profile.testCases.first { $0.id == "ct-with-issuer" })
        #expect(ctCase.isMet(by: summary, withErrors: false, resent: false))
        #expect(!ctCase.isMet(by: summary, withErrors: true, resent: false))
    }

    @Test("identity rules", arguments: [
        // A real personnummer in verification traffic.
        ("191212121212", "1.2.752.129.2.1.3.1", nil, ["identity.real-personnummer"]),
        // A wrong check digit under the personnummer OID.
        ("189001019801", "1.2.752.129.2.1.3.1", nil, ["identity.invalid-wrong-check-digit"]),
        // A samordningsnummer (day + 60) under its OID.
        ("190001619808", "1.2.752.129.2.1.3.3", nil, []),
        // No issuer at all: read as a personnummer, with a warning.
        ("189001019802", nil, "", ["dicom.issuer-missing"]),
        // No issuer and not Swedish.
        ("RIS-4711", nil, "", ["dicom.patient-id-unrecognised"]),
        // A local namespace in (0010,0021) only: not checked, warned.
        ("RIS-4711", nil, "RIS_SU", ["dicom.issuer-unknown"]),
        // An organisation's OID is no patient identifier.
        ("5565594230", "1.2.752.29.4.19", nil, ["identity.not-a-patient-identifier"]),
        // No PatientID.
        ("", "1.2.752.129.2.1.3.1", nil, ["dicom.patient-id-missing"]),
    ] as [(String, String?, String?, [String])])
    func identity(patientID: String, qualifier: String?, issuer: String?, expected: [String]) throws {
        let data = Self.ct { data in
            data.set(.patientID, patientID)
            if let qualifier {
                var item = DataSetWriter()
                item.set(.universalEntityID, qualifier)
                data.set(.issuerOfPatientIDQualifiersSequence, .SQ, .sequence([item], undefinedLength: false))
            } else {
                data.set(.issuerOfPatientIDQualifiersSequence, .SQ, .sequence([], undefinedLength: false))
            }
            if let issuer { data.set(.issuerOfPatientID, issuer) }
        }
        #expect(try Self.check(data).rules == expected.sorted())
    }

    @Test("attributes, UIDs and their agreement with the command, the character set")
    func attributes() throws {
        let bare = try Self.check(Self.ct { data in
            for tag in [DICOMTag.accessionNumber, .institutionName, .studyDate, .modality, .patientName] {
                data.set(tag, "")
            }
        })
        #expect(bare.rules == [
            "dicom.accessionnumber-missing", "dicom.institutionname-missing", "dicom.modality-missing",
            "dicom.patient-name-missing", "dicom.studydate-missing",
        ])
        #expect(bare.findings.first { $0.rule == "dicom.modality-missing" }?.severity == .error)
        #expect(bare.findings.first { $0.rule == "dicom.accessionnumber-missing" }?.severity == .warning)
        #expect(bare.findings.first { $0.rule == "dicom.modality-missing" }?.location?.description == "(0008,0060)")

        let badUID = try Self.check(Self.ct { $0.set(.seriesInstanceUID, "1.2.03.4") })
        #expect(badUID.rules == ["dicom.uid-invalid"])
        #expect(badUID.findings[0].text.en.contains("leading zero"))

        let mismatch = try Self.check(
            Self.ct(), command: .init(sopClassUID: SOPClass.ctImage.uid, sopInstanceUID: "1.2.752.24.7.1.2"))
        #expect(mismatch.rules == ["dicom.uid-mismatch"])

        let ascii = try Self.check(Self.ct { $0.set(.specificCharacterSet, "") })
        #expect(ascii.rules == ["dicom.character-set-missing"])
        let other = try Self.check(Self.ct { $0.set(.specificCharacterSet, "ISO_IR 144") })
        #expect(other.rules == ["dicom.character-set-not-allowed"])
    }

    @Test("the test cases: modality, identifier kind, issuer, a corrected study sent again")
    func testCases() throws {
        let cases = Dictionary(uniqueKeysWithValues: Self.profile.testCases.map { ($0.id, $0) })
        let samordning = try Self.check(Self.ct { data in
            data.set(.patientID, "190001619808")
            var item = DataSetWriter()
            item.set(.universalEntityID, "1.2.752.129.2.1.3.3")
            data.set(.issuerOfPatientIDQualifiersSequence, .SQ, .sequence([item], undefinedLength: false))
            data.set(.modality, "MR")
        }).summary
        #expect(cases["samordningsnummer-patient"]?.isMet(by: samordning, withErrors: false, resent: false) == true)
        #expect(cases["ct-with-issuer"]?.isMet(by: samordning, withErrors: false, resent: false) == false)
        let ct = try Self.check(Self.ct()).summary
        #expect(cases["corrected-study-resent"]?.isMet(by: ct, withErrors: false, resent: false) == false)
        #expect(cases["corrected-study-resent"]?.isMet(by: ct, withErrors: false, resent: true) == true)
    }
}
