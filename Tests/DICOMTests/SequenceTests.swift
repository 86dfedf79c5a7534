import DICOM
import Testing

@Suite struct SequenceTests {
    /// Three levels of items, written with defined or undefined lengths.
    static func nested(undefinedLength: Bool) -> DataSetWriter {
        var innermost = DataSetWriter()
        innermost.set(.codeValue, "121")
        var middle = DataSetWriter()
        middle.set(
            .assigningAgencyOrDepartmentCodeSequence, .SQ,
            .sequence([innermost, innermost], undefinedLength: undefinedLength))
        middle.set(.universalEntityID, "1.2.3")
        var top = DataSetWriter(characterSet: .utf8)
        top.set(.issuerOfPatientIDQualifiersSequence, .SQ, .sequence([middle], undefinedLength: undefinedLength))
        top.set(.otherPatientIDsSequence, .SQ, .sequence([], undefinedLength: undefinedLength))
        top.set(.patientID, "after the sequences")
        return top
    }

    @Test(
        arguments: [false, true],
        [TransferSyntax.explicitVRLittleEndian, .implicitVRLittleEndian, .explicitVRBigEndian])
    func nestedItemsReadBack(undefinedLength: Bool, syntax: TransferSyntax) throws {
        let bytes = Self.nested(undefinedLength: undefinedLength).encoded(as: syntax)
        let dataSet = try DataSet.read(from: bytes, transferSyntax: syntax)
        let middle = dataSet.items(.issuerOfPatientIDQualifiersSequence)
        #expect(middle.count == 1)
        #expect(middle.first?.string(.universalEntityID) == "1.2.3")
        let innermost = middle.first?.items(.assigningAgencyOrDepartmentCodeSequence) ?? []
        #expect(innermost.map { $0.string(.codeValue) } == ["121", "121"])
        #expect(dataSet.items(.otherPatientIDsSequence).isEmpty)
        #expect(dataSet.element(.otherPatientIDsSequence)?.isSequence == true)
        #expect(dataSet.patientID == "after the sequences")
        // Items inherit the character set of the data set around them.
        #expect(innermost.first?.characterSet == .utf8)
    }

    @Test func nestingDeeperThanTheLimitIsAnError() throws {
        var dataSet = DataSetWriter()
        dataSet.set(.codeValue, "leaf")
        for _ in 0..<5 {
            var outer = DataSetWriter()
            outer.set(.contentSequence, .SQ, .sequence([dataSet], undefinedLength: true))
            dataSet = outer
        }
        let bytes = dataSet.encoded(as: .explicitVRLittleEndian)
        #expect(throws: Never.self) {
            try DataSet.read(
                from: bytes, transferSyntax: .explicitVRLittleEndian, options: ReadOptions(maximumSequenceDepth: 5))
        }
        #expect {
            try DataSet.read(
                from: bytes, transferSyntax: .explicitVRLittleEndian, options: ReadOptions(maximumSequenceDepth: 4))
        } throws: { error in
            guard case .sequenceTooDeep(_, let tag, let limit) = error as? DICOMReadError else { return false }
            return tag == .contentSequence && limit == 4
        }
    }

    @Test func undefinedLengthUNIsASequenceInImplicitVR() throws {
        // PS3.5 6.2.2: a UN element of undefined length holds items encoded Implicit VR Little Endian.
        var item = DataSetWriter()
        item.set(.codeValue, "X1")
        var implicitBody = item.encoded(as: .implicitVRLittleEndian)
        implicitBody =
            [0xFE, 0xFF, 0x00, 0xE0, 0xFF, 0xFF, 0xFF, 0xFF] + implicitBody
            + [0xFE, 0xFF, 0x0D, 0xE0, 0, 0, 0, 0] + [0xFE, 0xFF, 0xDD, 0xE0, 0, 0, 0, 0]
        let header: [UInt8] = [
            0x09, 0x00, 0x10, 0x10, UInt8(ascii: "U"), UInt8(ascii: "N"), 0, 0, 0xFF, 0xFF, 0xFF, 0xFF,
        ]
        let dataSet = try DataSet.read(from: header + implicitBody, transferSyntax: .explicitVRLittleEndian)
        let items = dataSet.items(DICOMTag(0x0009, 0x1010))
        #expect(items.first?.string(.codeValue) == "X1")
        #expect(dataSet.elements.first?.vr == .UN)
    }
}
