import DICOM
import Foundation
import Testing

@Suite struct DeflateTests {
    @Test func deflatedDataSetIsSmallerAndReadsBack() throws {
        var dataSet = ctLikeDataSet(pixelBytes: 20_000)
        dataSet.set(.studyDescription, String(repeating: "CT thorax ", count: 50))
        let deflated = dataSet.encoded(as: .deflatedExplicitVRLittleEndian)
        #expect(deflated.count < dataSet.encoded(as: .explicitVRLittleEndian).count / 4)
        let read = try DataSet.read(from: deflated, transferSyntax: .deflatedExplicitVRLittleEndian)
        #expect(read.patientName == "Öberg^Åsa")
        #expect(read.pixelData?.length == 20_000)
    }

    @Test func aHeaderReadInflatesOnlyTheHeader() throws {
        // 4 MB of pixel data would exceed the 1 MB limit; a header read stops inflating before it.
        let bytes = ctLikeDataSet(pixelBytes: 4 << 20).part10(transferSyntax: .deflatedExplicitVRLittleEndian)
        let limited = ReadOptions(stopBeforePixelData: true, maximumInflatedSize: 1 << 20)
        #expect(try DICOMFile.read(from: bytes, options: limited).dataSet.patientID == "191212121212")
        var full = limited
        full.stopBeforePixelData = false
        #expect {
            try DICOMFile.read(from: bytes, options: full)
        } throws: { error in
            if case .inflatedSizeLimitExceeded(_, 1 << 20) = error as? DICOMReadError { return true }
            return false
        }
    }

    @Test func aDeflatedHeaderLargerThanTheFirstReadIsReadFromDisk() throws {
        // 60 KB of noise does not compress, so the header spans several reads of the file.
        var random = SeededGenerator(seed: 4)
        var dataSet = ctLikeDataSet(pixelBytes: 100_000)
        dataSet.set(
            DICOMTag(0x0009, 0x1001), .OB, .bytes((0..<60_000).map { _ in UInt8.random(in: 0...255, using: &random) }))
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("deflated-\(UUID()).dcm").path
        try Data(dataSet.part10(transferSyntax: .deflatedExplicitVRLittleEndian)).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }

        let header = try DICOMFile.read(atPath: path)
        #expect(header.dataSet.bytes(DICOMTag(0x0009, 0x1001))?.count == 60_000)
        #expect(header.dataSet.pixelData?.length == 100_000)
        #expect(try DICOMFile.read(atPath: path, options: .full).dataSet.patientID == "191212121212")
    }

    @Test func aCorruptStreamIsAnError() throws {
        var bytes = ctLikeDataSet().part10(transferSyntax: .deflatedExplicitVRLittleEndian)
        let start = bytes.count - 60
        for index in start..<(start + 8) { bytes[index] = 0xFF }
        #expect(throws: DICOMReadError.self) { try DICOMFile.read(from: bytes) }
    }

    @Test func aCutStreamIsAnError() throws {
        let bytes = ctLikeDataSet().part10(transferSyntax: .deflatedExplicitVRLittleEndian)
        #expect(throws: DICOMReadError.self) { try DICOMFile.read(from: Array(bytes.dropLast(30))) }
    }
}
