import Testing

@testable import HL7

@Suite struct CharacterSetTests {
    @Test(arguments: [
        ("UNICODE UTF-8", MessageCharset.utf8), ("utf-8", .utf8), (" UTF8 ", .utf8), ("8859/1", .latin1),
        ("ISO-8859-1", .latin1), ("", .ascii), ("ASCII", .ascii), ("8859/15", .unrecognized("8859/15")),
        ("UNICODE", .unrecognized("UNICODE")),
    ])
    func readsTable0211Names(name: String, expected: MessageCharset) {
        #expect(MessageCharset(msh18: name) == expected)
    }

    @Test func latin1MessageDecodesToSwiftStrings() throws {
        let message = try Message(bytes: Fixtures.admitLatin1Bytes)

        #expect(message.characterSet == .latin1)
        #expect(message.value(at: "PID-5.3") == "Åsa")
        #expect(message.value(at: "PID-11.3") == "Göteborg")
        #expect(message.value(at: "AL1-5") == "Utslag & klåda")
    }

    @Test func utf8MessageDecodesToSwiftStrings() throws {
        let message = try Message(Fixtures.admit)

        #expect(message.value(at: "PV1-3.1") == "Röntgen Sahlgrenska")
        #expect(message.value(at: "PV1-7.3") == "Märta")
    }

    @Test func firstRepetitionOfMSH18Counts() throws {
        let message = try Message("MSH|^~\\&" + String(repeating: "|", count: 16) + "8859/1~UNICODE UTF-8\r")
        #expect(message.characterSet == .latin1)
    }

    @Test func invalidUTF8IsRejectedWithItsOffset() throws {
        var bytes = Array(Fixtures.admit.utf8)
        let offset = try #require(bytes.firstIndex(of: 0xC3))  // the Å of Åsa
        bytes[offset] = 0xE5  // Latin-1 å in a message claiming UTF-8

        #expect(
            throws: HL7Error.invalidUTF8(Position(segmentNumber: 3, segmentID: "PID", field: 5, byteOffset: offset))
        ) {
            try Message(bytes: bytes)
        }
    }

    @Test(
        arguments: [
            [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0x80], [0xF8],
            [0xE0, 0x80, 0x80],
        ] as [[UInt8]])
    func malformedUTF8SequencesAreFound(sequence: [UInt8]) {
        let bytes = Array("abcdefghij".utf8) + sequence + Array("klmnopqrstuvw".utf8)
        let found = bytes.withUnsafeBufferPointer { UTF8Validation.firstInvalidOffset(in: $0) }
        #expect(found == 10)
    }

    @Test func validUTF8IsAccepted() {
        let bytes = Array("åäö € 𝄞 abcdefghijklmnop".utf8)
        #expect(bytes.withUnsafeBufferPointer { UTF8Validation.firstInvalidOffset(in: $0) } == nil)
    }

    @Test func lenientValidationShowsReplacementCharacters() throws {
        var bytes = Array(Fixtures.admit.utf8)
        let offset = try #require(bytes.firstIndex(of: 0xC3))
        bytes[offset] = 0xE5

        let message = try Message(bytes: bytes, characterSetValidation: .lenient)
        #expect(message.value(at: "PID-5.3")?.hasPrefix("\u{FFFD}") == true)
    }

    @Test func unknownOrMissingCharsetFallsBackToUTF8ThenLatin1() throws {
        let utf8 = try Message("MSH|^~\\&" + String(repeating: "|", count: 16) + "KOI8-R\rPID|1||||Öberg")
        #expect(utf8.characterSet == .unrecognized("KOI8-R"))
        #expect(utf8.value(at: "PID-5") == "Öberg")

        let latin1Bytes = Array("MSH|^~\\&\rPID|1||||".utf8) + [0xD6] + Array("berg".utf8)
        let latin1 = try Message(bytes: latin1Bytes)
        #expect(latin1.characterSet == .ascii)
        #expect(latin1.value(at: "PID-5") == "Öberg")
    }

    @Test func msh18ValuesRoundTrip() {
        for charset in [MessageCharset.ascii, .latin1, .utf8, .unrecognized("X")] {
            #expect(MessageCharset(msh18: charset.msh18Value) == charset)
        }
    }
}
