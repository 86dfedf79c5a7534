import DICOM
import Testing

/// The writer's fixtures read back the same in every transfer syntax the reader handles.
@Suite struct TransferSyntaxTests {
    static let syntaxes: [TransferSyntax] = [
        .explicitVRLittleEndian, .implicitVRLittleEndian, .explicitVRBigEndian, .deflatedExplicitVRLittleEndian,
    ]

    @Test(arguments: syntaxes) func readsTheCheckedAttributes(syntax: TransferSyntax) throws {
        // setup
        let bytes = ctLikeDataSet().part10(transferSyntax: syntax)

        // MUT
        let file = try DICOMFile.read(from: bytes)

        // validate
        let dataSet = file.dataSet
        #expect(file.transferSyntax == syntax)
        #expect(file.mediaStorageSOPClassUID == SOPClass.ctImage.uid)
        #expect(file.mediaStorageSOPInstanceUID == "1.2.752.24.7.1.1")
        #expect(file.implementationClassUID == "1.2.826.0.1.3680043.10.1418.1")
        #expect(dataSet.specificCharacterSet == ["ISO_IR 100"])
        #expect(dataSet.patientName == "Öberg^Åsa")
        #expect(dataSet.patientID == "191212121212")
        #expect(dataSet.issuerOfPatientID == "SE-PNR")
        #expect(
            dataSet.issuerOfPatientIDQualifiers == [
                IssuerOfPatientIDQualifiers(
                    universalEntityID: "1.2.752.129.2.1.3.1", universalEntityIDType: "ISO", identifierTypeCode: nil)
            ])
        #expect(dataSet.studyInstanceUID == "1.2.752.24.7.1")
        #expect(dataSet.seriesInstanceUID == "1.2.752.24.7.1.0")
        #expect(dataSet.sopInstanceUID == "1.2.752.24.7.1.1")
        #expect(dataSet.sopClassUID == SOPClass.ctImage.uid)
        #expect(dataSet.accessionNumber == "RIS12345")
        #expect(dataSet.institutionName == "Sahlgrenska Universitetssjukhuset")
        #expect(dataSet.modality == "CT")
        #expect(dataSet.studyDate == "20261122")
        #expect(dataSet.uint16(.rows) == 4)
        #expect(dataSet.integer(.columns) == 8)
        #expect(dataSet.pixelData?.length == 64)
    }

    @Test(arguments: syntaxes) func readsADataSetWithoutFileMeta(syntax: TransferSyntax) throws {
        let bytes = ctLikeDataSet().encoded(as: syntax)
        let dataSet = try DataSet.read(from: bytes, transferSyntax: syntax)
        #expect(dataSet.patientName == "Öberg^Åsa")
        #expect(dataSet.pixelData != nil)
    }

    @Test(arguments: syntaxes) func headerOnlyStopsAtPixelData(syntax: TransferSyntax) throws {
        var dataSet = ctLikeDataSet()
        dataSet.set(DICOMTag(0xFFFA, 0xFFFA), .OB, .bytes([1, 2]))  // Digital Signatures Sequence-ish trailer
        let bytes = dataSet.part10(transferSyntax: syntax)
        let header = try DICOMFile.read(from: bytes, options: .headerOnly).dataSet
        #expect(header.elements.last?.tag == .pixelData)
        let full = try DICOMFile.read(from: bytes).dataSet
        #expect(full.elements.last?.tag == DICOMTag(0xFFFA, 0xFFFA))
    }

    @Test func unknownTransferSyntaxIsReadAsExplicitLittleEndian() throws {
        let syntax = TransferSyntax(uid: "1.2.840.10008.1.2.4.201", name: "HTJ2K (not in the table)")
        let bytes = ctLikeDataSet().part10(transferSyntax: syntax)
        let file = try DICOMFile.read(from: bytes)
        #expect(file.transferSyntaxUID == "1.2.840.10008.1.2.4.201")
        #expect(file.dataSet.patientID == "191212121212")
    }

    @Test func tablesNameTheStandardUIDs() {
        #expect(TransferSyntax.named("1.2.840.10008.1.2")?.isExplicitVR == false)
        #expect(TransferSyntax.named("1.2.840.10008.1.2.2")?.isBigEndian == true)
        #expect(TransferSyntax.named("1.2.840.10008.1.2.4.80")?.isEncapsulated == true)
        #expect(TransferSyntax.known.count == 13)
        #expect(TransferSyntax.known.allSatisfy { UID.isValid($0.uid) })
        #expect(SOPClass.named("1.2.840.10008.1.1") == .verification)
        #expect(SOPClass.named("1.2.840.10008.5.1.4.1.1.104.1")?.name == "Encapsulated PDF Storage")
        #expect(SOPClass.known.count == 23)
        #expect(Set(SOPClass.known.map(\.uid)).count == SOPClass.known.count)
        #expect(SOPClass.known.allSatisfy { UID.isValid($0.uid) })
    }

    @Test func dictionaryKnowsTheCheckedTags() {
        let patientID = DataDictionary.entry(for: .patientID)
        #expect(patientID?.name == "Patient ID")
        #expect(patientID?.vr == .LO)
        #expect(patientID?.vm == "1")
        #expect(DataDictionary.entry(keyword: "IssuerOfPatientIDQualifiersSequence")?.vr == .SQ)
        #expect(DataDictionary.entry(for: DICOMTag(0x0009, 0x0000))?.vr == .UL)
        #expect(DataDictionary.entry(for: DICOMTag(0x0009, 0x1001)) == nil)
    }
}
