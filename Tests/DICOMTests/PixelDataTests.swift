import DICOM
import Foundation
import Testing

@Suite struct PixelDataTests {
    @Test func nativePixelDataIsSkippedAndLocated() throws {
        let bytes = ctLikeDataSet(pixelBytes: 4096).part10(transferSyntax: .explicitVRLittleEndian)
        let file = try DICOMFile.read(from: bytes)
        let pixelData = try #require(file.dataSet.pixelData)
        #expect(pixelData.length == 4096)
        #expect(!pixelData.isEncapsulated)
        #expect(pixelData.valueOffset + 4096 == bytes.count)
        #expect(bytes[pixelData.valueOffset] == 0x5A)
        #expect(file.dataSet.bytes(.pixelData) == nil)
    }

    @Test(arguments: [false, true]) func encapsulatedFragmentsAreCounted(headerOnly: Bool) throws {
        var dataSet = ctLikeDataSet()
        dataSet.set(.pixelData, .OB, .fragments([[1, 2, 3, 4], [5, 6], []]))
        let bytes = dataSet.part10(transferSyntax: .jpegBaseline)
        let file = try DICOMFile.read(from: bytes, options: ReadOptions(stopBeforePixelData: headerOnly))
        let pixelData = try #require(file.dataSet.pixelData)
        #expect(pixelData.isEncapsulated)
        #expect(pixelData.fragmentCount == (headerOnly ? nil : 4))
    }

    @Test func aHeaderReadFromDiskNeverReadsThePixelData() throws {
        // The pixel data claims 100 MB that the file does not have: a full read says so, a header read never
        // looks. The header is also longer than the first read, so the file is read in more than one piece.
        var dataSet = ctLikeDataSet(pixelBytes: 0)
        dataSet.set(DICOMTag(0x0009, 0x1001), .UT, .text(String(repeating: "x", count: 40_000)))
        var bytes = dataSet.part10(transferSyntax: .explicitVRLittleEndian)
        bytes.replaceSubrange((bytes.count - 4)..., with: [0x00, 0xE1, 0xF5, 0x05])  // 100,000,000
        bytes += [UInt8](repeating: 0x5A, count: 1000)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("pixels-\(UUID()).dcm").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }

        let header = try DICOMFile.read(atPath: path)
        #expect(header.dataSet.pixelData?.length == 100_000_000)
        #expect(header.dataSet.patientID == "191212121212")
        #expect(header.dataSet.string(DICOMTag(0x0009, 0x1001))?.count == 40_000)
        #expect(throws: DICOMReadError.self) { try DICOMFile.read(atPath: path, options: .full) }
    }

    @Test func missingFileIsAnError() {
        let missing = DICOMReadError.unreadableFile(path: "/nonexistent/x.dcm", reason: "No such file or directory")
        #expect(throws: missing) {
            try DICOMFile.read(atPath: "/nonexistent/x.dcm")
        }
    }
}
