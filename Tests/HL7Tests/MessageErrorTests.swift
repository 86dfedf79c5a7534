import Testing

@testable import HL7

@Suite struct MessageErrorTests {
    @Test func emptyInput() {
        #expect(throws: HL7Error.emptyInput) { try Message(bytes: []) }
    }

    @Test func noHeaderAtStart() {
        #expect(throws: HL7Error.missingHeader(found: "PID", Position(segmentNumber: 1, byteOffset: 0))) {
            try Message("PID|1||191212121212\r")
        }
        #expect(throws: HL7Error.missingHeader(found: "\u{0B}MS", Position(segmentNumber: 1, byteOffset: 0))) {
            try Message("\u{0B}MSH|^~\\&\r")
        }
        #expect(throws: HL7Error.missingHeader(found: "MS", Position(segmentNumber: 1, byteOffset: 0))) {
            try Message("MS")
        }
    }

    @Test(arguments: ["MSH", "MSH|", "MSH|^~\\", "MSH|^~\r\\&|"])
    func headerTooShort(text: String) {
        #expect {
            try Message(text)
        } throws: { error in
            guard case .headerTooShort(let position) = error as? HL7Error else { return false }
            return position.segmentID == "MSH"
        }
    }

    @Test(
        arguments: [
            ("MSH|^~|\\&|A", "4 are expected"),
            ("MSH|^~\\&&|A", "\"&\" is used for two delimiters"),
            ("MSH|^^\\&|A", "\"^\" is used for two delimiters"),
            ("MSH|^~\\|&|A", "4 are expected"),
            ("MSH|^~\\&xy|A", "4 are expected"),
            ("MSH|^~\\a|A", "\"a\" cannot be a delimiter"),
            ("MSHA^~\\&A", "\"A\" cannot be a delimiter"),
            ("MSH|^ \\&|A", "byte 0x20 cannot be a delimiter"),
            ("MSH|^~\\&|^", nil),
        ] as [(String, String?)])
    func oddEncodingCharacters(text: String, reason: String?) throws {
        guard let reason else {
            #expect(try Message(text).value(at: "MSH-3") == "^")
            return
        }
        #expect {
            try Message(text)
        } throws: { error in
            guard case .invalidEncodingCharacters(let found, let position) = error as? HL7Error else { return false }
            return found.contains(reason)
                && position == Position(segmentNumber: 1, segmentID: "MSH", field: 2, byteOffset: 4)
        }
    }

    @Test func invalidSegmentIDHasItsPosition() {
        let text = "MSH|^~\\&|A\rPID|1\rpv1|1\r"
        #expect(throws: HL7Error.invalidSegmentID(found: "pv1", Position(segmentNumber: 3, byteOffset: 17))) {
            try Message(text)
        }
        #expect(throws: HL7Error.invalidSegmentID(found: "PI", Position(segmentNumber: 2, byteOffset: 11))) {
            try Message("MSH|^~\\&|A\rPI|1\r")
        }
        #expect(throws: HL7Error.invalidSegmentID(found: "Rad två", Position(segmentNumber: 2, byteOffset: 11))) {
            try Message("MSH|^~\\&|A\nRad två\n")
        }
    }

    @Test func errorTextsAreReadable() throws {
        let error = HL7Error.invalidUTF8(Position(segmentNumber: 3, segmentID: "PID", field: 5, byteOffset: 120))
        #expect(
            error.description
                == "segment 3 (PID), field 5, byte 120: invalid UTF-8 although MSH-18 declares UNICODE UTF-8")
        #expect(error.position?.field == 5)
        #expect(HL7Error.emptyInput.position == nil)
        #expect(HL7Error.emptyInput.description == "empty input: no HL7 message")
        #expect(Position(byteOffset: 3).description == "byte 3")
    }

    @Test func positionsOfBytesInsideTheMessage() throws {
        let message = try Message(Fixtures.admit)
        let bytes = message.bytes
        let pidStart = try #require(message.segment("PID")?.raw.startIndex)

        #expect(message.index.position(ofByteOffset: 3, in: bytes).field == 1)
        #expect(message.index.position(ofByteOffset: 5, in: bytes).field == 2)
        #expect(message.index.position(ofByteOffset: 10, in: bytes).field == 3)
        #expect(message.index.position(ofByteOffset: 1, in: bytes).field == nil)
        #expect(
            message.index.position(ofByteOffset: pidStart + 7, in: bytes)
                == Position(segmentNumber: 3, segmentID: "PID", field: 3, byteOffset: pidStart + 7))
        #expect(message.index.position(ofByteOffset: pidStart - 1, in: bytes) == Position(byteOffset: pidStart - 1))
    }
}
