import DICOM
import Testing

/// Each fixture read four ways (memory or disk, whole or header only) agrees with what pydicom reads.
@Suite struct PydicomFixtureTests {
    static let names = [
        "CT_small.dcm", "JPEG2000.dcm", "MR_small_bigendian.dcm", "MR_small_implicit.dcm", "SC_rgb_rle.dcm",
        "chrFren.dcm", "chrSQEncoding.dcm", "chrX1.dcm", "image_dfl.dcm", "swedish_latin1_explicit.dcm",
        "swedish_utf8_implicit.dcm", "test-SR.dcm",
    ]

    @Test(arguments: names) func agreesWithPydicom(name: String) throws {
        let expected = try #require(try Fixture.expectations()[name])
        let bytes = try Fixture.bytes(name)
        let reads = [
            try DICOMFile.read(from: bytes),
            try DICOMFile.read(from: bytes, options: .headerOnly),
            try DICOMFile.read(atPath: Fixture.url(name).path),
            try DICOMFile.read(atPath: Fixture.url(name).path, options: .full),
        ]
        for file in reads {
            let dataSet = file.dataSet
            #expect(file.transferSyntaxUID == expected.transferSyntaxUID)
            #expect(file.mediaStorageSOPInstanceUID == expected.mediaStorageSOPInstanceUID)
            // pydicom prints a person name without empty trailing groups, which PS3.5 6.2 lets writers omit.
            #expect(
                dataSet.patientName.map { String($0.reversed().drop { $0 == "=" }.reversed()) } == expected.patientName)
            #expect(dataSet.patientID == expected.patientID)
            #expect(dataSet.studyInstanceUID == expected.studyInstanceUID)
            #expect(dataSet.seriesInstanceUID == expected.seriesInstanceUID)
            #expect(dataSet.sopInstanceUID == expected.sopInstanceUID)
            #expect(dataSet.sopClassUID == expected.sopClassUID)
            #expect(dataSet.modality == expected.modality)
            #expect(dataSet.studyDate == expected.studyDate)
            #expect(dataSet.integer(.rows) == expected.rows)
            let tags = dataSet.elements.prefix { $0.tag != .pixelData }.map(\.tag.rawValue)
            #expect(tags == expected.topLevelTagsBeforePixelData)
            #expect(dataSet.pixelData?.isEncapsulated == expected.pixelDataIsEncapsulated)
        }
    }

    @Test func encapsulatedPixelDataIsWalkedNotLoaded() throws {
        let file = try DICOMFile.read(from: try Fixture.bytes("JPEG2000.dcm"))
        let pixelData = try #require(file.dataSet.pixelData)
        #expect(pixelData.isEncapsulated)
        #expect(pixelData.fragmentCount == 2)  // the basic offset table and one frame
        #expect(file.dataSet.bytes(.pixelData) == nil)
        #expect(file.transferSyntax == .jpeg2000)
    }

    @Test func nestedSequencesOfAStructuredReport() throws {
        let dataSet = try DICOMFile.read(from: try Fixture.bytes("test-SR.dcm")).dataSet
        let content = dataSet.items(DICOMTag(0x0040, 0xA730))
        #expect(content.count > 1)
        let nested = content.flatMap { $0.items(DICOMTag(0x0040, 0xA730)) }
        #expect(!nested.isEmpty)
    }

    @Test func characterSetDeclaredInsideAnItem() throws {
        // The item declares ISO 2022 IR 87 (Japanese), which this reader does not decode: it says so.
        let dataSet = try DICOMFile.read(from: try Fixture.bytes("chrSQEncoding.dcm")).dataSet
        let item = try #require(dataSet.items(DICOMTag(0x0032, 0x1064)).first)
        #expect(item.characterSet != dataSet.characterSet)
        #expect(!item.characterSet.isSupported)
    }
}
