import DICOM
import Foundation

/// A fixture file's bytes and path (Fixtures/, made by Fixtures/make_fixtures.py).
enum Fixture {
    static func url(_ name: String) -> URL {
        Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil)!
    }

    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: url(name)))
    }

    /// What pydicom read from each fixture, from Fixtures/expected.json.
    static func expectations() throws -> [String: PydicomExpectation] {
        try JSONDecoder().decode([String: PydicomExpectation].self, from: Data(contentsOf: url("expected.json")))
    }
}

/// The values pydicom reads from a fixture.
struct PydicomExpectation: Decodable {
    let transferSyntaxUID: String
    let mediaStorageSOPInstanceUID: String?
    let patientName: String?
    let patientID: String?
    let studyInstanceUID: String?
    let seriesInstanceUID: String?
    let sopInstanceUID: String?
    let sopClassUID: String?
    let modality: String?
    let studyDate: String?
    let rows: Int?
    let topLevelTagsBeforePixelData: [UInt32]
    let pixelDataIsEncapsulated: Bool?
}

/// SplitMix64: a seeded generator, so every fuzz run sees the same inputs and a failure can be replayed.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}

/// A small CT-like data set with the attributes the checks read, a nested sequence and native pixel data.
func ctLikeDataSet(characterSet: SpecificCharacterSet = .latin1, pixelBytes: Int = 64) -> DataSetWriter {
    var dataSet = DataSetWriter(characterSet: characterSet)
    dataSet.set(.sopClassUID, SOPClass.ctImage.uid)
    dataSet.set(.sopInstanceUID, "1.2.752.24.7.1.1")
    dataSet.set(.studyDate, "20261122")
    dataSet.set(.accessionNumber, "RIS12345")
    dataSet.set(.modality, "CT")
    dataSet.set(.institutionName, "Sahlgrenska Universitetssjukhuset")
    dataSet.set(.patientName, "Öberg^Åsa")
    dataSet.set(.patientID, "191212121212")
    dataSet.set(.issuerOfPatientID, "SE-PNR")
    var qualifier = DataSetWriter()
    qualifier.set(.universalEntityID, "1.2.752.129.2.1.3.1")
    qualifier.set(.universalEntityIDType, "ISO")
    dataSet.set(.issuerOfPatientIDQualifiersSequence, .SQ, .sequence([qualifier], undefinedLength: false))
    dataSet.set(.studyInstanceUID, "1.2.752.24.7.1")
    dataSet.set(.seriesInstanceUID, "1.2.752.24.7.1.0")
    dataSet.set(.rows, .US, .uint16([4]))
    dataSet.set(.columns, .US, .uint16([UInt16(min(pixelBytes / 8, 4096))]))
    dataSet.set(.pixelData, .OW, .bytes([UInt8](repeating: 0x5A, count: pixelBytes)))
    return dataSet
}
