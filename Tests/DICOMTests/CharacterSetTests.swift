import DICOM
import Testing

@Suite struct CharacterSetTests {
    @Test func latin1IsOneBytePerLetter() throws {
        var dataSet = DataSetWriter(characterSet: .latin1)
        dataSet.set(.patientName, "Öberg^Åsa")
        let bytes = dataSet.encoded(as: .explicitVRLittleEndian)
        // Å is C5 and Ö is D6 in ISO 8859-1.
        #expect(bytes.contains(0xC5) && bytes.contains(0xD6))
        let read = try DataSet.read(from: bytes, transferSyntax: .explicitVRLittleEndian)
        #expect(read.characterSet == .latin1)
        #expect(read.patientName == "Öberg^Åsa")
    }

    @Test func utf8IsDecodedAsUTF8() throws {
        var dataSet = DataSetWriter(characterSet: .utf8)
        dataSet.set(.patientName, "Åsa Öberg-Ärlebäck")
        dataSet.set(.institutionName, "Mölndals sjukhus")
        let read = try DataSet.read(
            from: dataSet.encoded(as: .implicitVRLittleEndian), transferSyntax: .implicitVRLittleEndian)
        #expect(read.characterSet == .utf8)
        #expect(read.patientName == "Åsa Öberg-Ärlebäck")
        #expect(read.institutionName == "Mölndals sjukhus")
    }

    @Test func pydicomsSwedishFixturesReadRight() throws {
        let latin1 = try DICOMFile.read(from: try Fixture.bytes("swedish_latin1_explicit.dcm")).dataSet
        #expect(latin1.patientName == "Öberg^Åsa")
        #expect(latin1.institutionName == "Sahlgrenska Universitetssjukhuset, Göteborg")
        let utf8 = try DICOMFile.read(from: try Fixture.bytes("swedish_utf8_implicit.dcm")).dataSet
        #expect(utf8.patientName == "Öberg^Åsa")
        #expect(utf8.issuerOfPatientIDQualifiers.first?.universalEntityID == "1.2.752.129.2.1.3.1")
    }

    @Test func undeclaredHighBytesAreReadAsLatin1() {
        let undeclared = SpecificCharacterSet.default
        #expect([UInt8]([0xC5, 0x73, 0x61]).withUnsafeBytes { undeclared.decode($0) } == "Åsa")
        #expect(undeclared.isSupported)
    }

    @Test func invalidUTF8BecomesReplacementCharacters() {
        #expect([UInt8]([0x41, 0xC5, 0x42]).withUnsafeBytes { SpecificCharacterSet.utf8.decode($0) } == "A\u{FFFD}B")
    }

    @Test func otherCharacterSetsAreFlaggedUnsupported() {
        #expect(!SpecificCharacterSet(terms: ["ISO_IR 144"]).isSupported)
        #expect(!SpecificCharacterSet(terms: ["", "ISO 2022 IR 87"]).isSupported)
        #expect(SpecificCharacterSet(terms: ["", "ISO 2022 IR 100"]).isSupported)
        #expect(SpecificCharacterSet(terms: ["ISO_IR 6"]).isSupported)
    }

    @Test func paddingIsTrimmedPerVR() throws {
        var dataSet = DataSetWriter()
        dataSet.set(.patientID, .LO, .text("  1912 "))
        dataSet.set(.studyDescription, .LO, .text("A\\B "))
        dataSet.set(DICOMTag(0x0008, 0x0081), .ST, .text("  indented text  "))
        dataSet.set(.sopInstanceUID, .UI, .text("1.2.3"))  // odd length: padded with NUL
        dataSet.set(.imageType, .CS, .text("ORIGINAL\\PRIMARY\\AXIAL"))
        let read = try DataSet.read(
            from: dataSet.encoded(as: .explicitVRLittleEndian), transferSyntax: .explicitVRLittleEndian)
        #expect(read.patientID == "1912")
        #expect(read.strings(.studyDescription) == ["A", "B"])
        #expect(read.string(DICOMTag(0x0008, 0x0081)) == "  indented text")
        #expect(read.sopInstanceUID == "1.2.3")
        #expect(read.bytes(.sopInstanceUID) == Array("1.2.3".utf8) + [0])
        #expect(read.strings(.imageType) == ["ORIGINAL", "PRIMARY", "AXIAL"])
        #expect(read.string(.accessionNumber) == nil)
    }
}
