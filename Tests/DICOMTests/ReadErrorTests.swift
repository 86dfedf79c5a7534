import DICOM
import Testing

/// Lies and damage give errors that say where and in which element.
@Suite struct ReadErrorTests {
    /// An Explicit VR LE data set: (0008,0060) CS "CT", then (0010,0020) LO "12345678".
    static let twoElements: [UInt8] = {
        var dataSet = DataSetWriter()
        dataSet.set(.modality, "CT")
        dataSet.set(.patientID, "12345678")
        return dataSet.encoded(as: .explicitVRLittleEndian)
    }()

    static func read(_ bytes: [UInt8], _ syntax: TransferSyntax = .explicitVRLittleEndian) throws -> DataSet {
        try DataSet.read(from: bytes, transferSyntax: syntax)
    }

    @Test func aLengthLargerThanTheInputIsAnError() {
        var bytes = Self.twoElements
        bytes[16...17] = [0xF0, 0xFF]  // (0010,0020) claims 65520 bytes
        #expect(throws: DICOMReadError.lengthOutOfBounds(offset: 10, tag: .patientID, length: 0xFFF0, available: 8)) {
            try Self.read(bytes)
        }
    }

    @Test func a4GBLengthIsAnErrorNotAnAllocation() {
        var sequence = DataSetWriter()
        sequence.set(.otherPatientIDsSequence, .SQ, .sequence([], undefinedLength: false))
        var bytes = sequence.encoded(as: .explicitVRLittleEndian)
        bytes[8...11] = [0xF0, 0xFF, 0xFF, 0xFF]
        let error = DICOMReadError.lengthOutOfBounds(
            offset: 0, tag: .otherPatientIDsSequence, length: 0xFFFF_FFF0, available: 0)
        #expect(throws: error) { try Self.read(bytes) }
        #expect(
            error.description
                == "byte 0 (0010,1002) OtherPatientIDsSequence: length 4294967280 is more than the 0 bytes left")
    }

    @Test func anItemLongerThanItsSequenceIsAnError() throws {
        var item = DataSetWriter()
        item.set(.codeValue, "A")
        var dataSet = DataSetWriter()
        dataSet.set(.otherPatientIDsSequence, .SQ, .sequence([item], undefinedLength: false))
        var bytes = dataSet.encoded(as: .explicitVRLittleEndian)
        bytes[16] += 2  // the item claims 2 more bytes than the sequence holds
        #expect(throws: DICOMReadError.lengthOutOfBounds(offset: 12, tag: .item, length: 12, available: 10)) {
            try Self.read(bytes)
        }
    }

    @Test func anInvalidVRIsAnError() {
        var bytes = Self.twoElements
        bytes[14...15] = [UInt8(ascii: "Z"), UInt8(ascii: "Z")]
        let error = DICOMReadError.invalidVR(offset: 10, tag: .patientID, code: 0x5A5A)
        #expect(throws: error) { try Self.read(bytes) }
        #expect(error.description == "byte 10 (0010,0020) PatientID: \"ZZ\" is not a value representation")
    }

    @Test func undefinedLengthOnAStringIsAnError() {
        var dataSet = DataSetWriter()
        dataSet.set(.patientID, .UT, .text("x"))
        var bytes = dataSet.encoded(as: .explicitVRLittleEndian)
        bytes[8...11] = [0xFF, 0xFF, 0xFF, 0xFF]
        #expect(throws: DICOMReadError.undefinedLength(offset: 0, tag: .patientID, vr: .UT)) { try Self.read(bytes) }
    }

    @Test func aTruncatedHeaderIsAnError() {
        let bytes = Array(Self.twoElements.prefix(13))
        #expect(throws: DICOMReadError.truncatedHeader(offset: 10, tag: nil, needed: 8, available: 3)) {
            try Self.read(bytes)
        }
    }

    @Test func aMissingSequenceDelimiterIsAnError() {
        var dataSet = DataSetWriter()
        dataSet.set(.otherPatientIDsSequence, .SQ, .sequence([DataSetWriter()], undefinedLength: true))
        let bytes = dataSet.encoded(as: .implicitVRLittleEndian).dropLast(8)
        #expect(throws: DICOMReadError.truncatedHeader(offset: 24, tag: nil, needed: 8, available: 0)) {
            try Self.read(Array(bytes), .implicitVRLittleEndian)
        }
    }

    @Test func strayDelimitersAreErrors() {
        let itemDelimiter: [UInt8] = [0xFE, 0xFF, 0x0D, 0xE0, 0, 0, 0, 0]
        let stray = DICOMReadError.unexpectedTag(offset: 0, tag: .itemDelimitationItem, expected: "a data element")
        #expect(throws: stray) {
            try Self.read(itemDelimiter)
        }
    }

    @Test func notPart10() {
        #expect(throws: DICOMReadError.notPart10(offset: 128)) {
            try DICOMFile.read(from: [UInt8](repeating: 0, count: 200))
        }
        #expect(throws: DICOMReadError.notPart10(offset: 128)) {
            try DICOMFile.read(from: [UInt8](repeating: 0, count: 5))
        }
    }

    @Test func fileMetaWithoutTransferSyntax() {
        var meta = DataSetWriter()
        meta.set(.mediaStorageSOPClassUID, .UI, .text("1.2"))
        let bytes = [UInt8](repeating: 0, count: 128) + Array("DICM".utf8) + meta.encoded(as: .explicitVRLittleEndian)
        #expect(throws: DICOMReadError.missingTransferSyntax(offset: 132)) { try DICOMFile.read(from: bytes) }
    }

    @Test func errorsNameTheirPlace() {
        let error = DICOMReadError.sequenceTooDeep(offset: 40, tag: .contentSequence, limit: 32)
        #expect(error.offset == 40)
        #expect(error.tag == .contentSequence)
        #expect(error.description == "byte 40 (0040,A730) ContentSequence: sequences nested more than 32 deep")
    }
}
