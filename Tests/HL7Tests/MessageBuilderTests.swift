import Testing

@testable import HL7

@Suite struct MessageBuilderTests {
    @Test func buildsAnAcknowledgementWithMSAAndERR() throws {
        let received = try Message(Fixtures.admit)
        var ack = MessageBuilder()

        try ack.appendHeader([
            "BFR", "VGR", "TakeCare", "SU", "20260115083001", "", .components(["ACK", "A01", "ACK"]), "ACK00001", "P",
            "2.5.1", "", "", "", "", "", "UNICODE UTF-8",
        ])
        try ack.appendSegment("MSA", ["AE", .text(received.controlID ?? "")])
        try ack.appendSegment(
            "ERR",
            [
                "", .components(["PID", "1", "3", "1", "1"]),
                .components(["101", "Required field missing", "HL70357"]),
                "E", "", "", "", "PID-3 saknar personnummer | kontrollera Å&Ä",
            ])
        let message = try ack.build()

        let expected =
            [
                #"MSH|^~\&|BFR|VGR|TakeCare|SU|20260115083001||ACK^A01^ACK|ACK00001|P|2.5.1||||||UNICODE UTF-8"#,
                "MSA|AE|MSG00001",
                #"ERR||PID^1^3^1^1|101^Required field missing^HL70357|E||||PID-3 saknar personnummer \F\ kontrollera Å\T\Ä"#,
            ].joined(separator: "\r") + "\r"
        #expect(String(decoding: message.encoded(), as: UTF8.self) == expected)
        #expect(message.value(at: "MSA-2") == "MSG00001")
        #expect(message.value(at: "ERR-8") == "PID-3 saknar personnummer | kontrollera Å&Ä")
        #expect(message.messageType?.triggerEvent == "A01")
    }

    @Test func writesRepetitionsAndSubcomponents() throws {
        var builder = MessageBuilder(segmentTerminator: .lineFeed)
        try builder.appendHeader([])
        try builder.appendSegment(
            "PID",
            [
                "1", "",
                .repeating([
                    .composite([["191212121212"], [""], [""], ["", "1.2.752.129.2.1.3.1", "ISO"], ["PN"]]),
                    .components(["123456", "", "", "RIS", "PI"]),
                ]),
            ])

        #expect(
            String(decoding: builder.bytes, as: UTF8.self)
                == "MSH|^~\\&\nPID|1||191212121212^^^&1.2.752.129.2.1.3.1&ISO^PN~123456^^^RIS^PI\n")
        #expect(try builder.build().patientIdentifiers.map(\.id) == ["191212121212", "123456"])
    }

    @Test func writesOtherDelimitersAndLatin1() throws {
        let delimiters = try EncodingCharacters(
            field: UInt8(ascii: "#"), component: UInt8(ascii: ":"), repetition: UInt8(ascii: "*"),
            escape: UInt8(ascii: "!"), subcomponent: UInt8(ascii: "@"))
        var builder = MessageBuilder(
            encodingCharacters: delimiters, characterSet: .latin1, segmentTerminator: .carriageReturnLineFeed)
        try builder.appendHeader([
            .empty, .empty, .empty, .empty, .empty, .empty, .empty, .empty, .empty, .empty,
            .empty, .empty, .empty, .empty, .empty, "8859/1",
        ])
        try builder.appendSegment("NTE", ["1", "", "Öl # Äpple: 50%"])

        let nte = Array("NTE#1##".utf8) + [0xD6] + Array("l !F! ".utf8) + [0xC4] + Array("pple!S! 50%\r\n".utf8)
        #expect(builder.bytes.suffix(nte.count).elementsEqual(nte))
        let message = try builder.build()
        #expect(message.characterSet == .latin1)
        #expect(message.value(at: "NTE-3") == "Öl # Äpple: 50%")
    }

    @Test func rejectsTextOutsideLatin1AndBadSegmentIDs() {
        var builder = MessageBuilder(characterSet: .latin1)
        #expect(throws: HL7Error.unencodableText("5 €", .latin1)) { try builder.appendHeader(["5 €"]) }
        #expect(throws: HL7Error.invalidSegmentName("pid")) { try builder.appendSegment("pid", []) }
        #expect(throws: HL7Error.invalidSegmentName("ZZZZ")) { try builder.appendSegment("ZZZZ", []) }
        #expect(builder.bytes.isEmpty)
    }

    @Test func rejectsUnusableEncodingCharacters() {
        #expect(throws: HL7Error.self) {
            try EncodingCharacters(
                field: UInt8(ascii: "|"), component: UInt8(ascii: "^"), repetition: UInt8(ascii: "^"),
                escape: UInt8(ascii: "\\"), subcomponent: UInt8(ascii: "&"))
        }
        #expect(throws: HL7Error.self) {
            try EncodingCharacters(
                field: UInt8(ascii: "A"), component: UInt8(ascii: "^"), repetition: UInt8(ascii: "~"),
                escape: UInt8(ascii: "\\"), subcomponent: UInt8(ascii: "&"))
        }
    }

    /// Re-encoding a parsed message from its parts (raw fields) gives back the same bytes.
    @Test(arguments: [MessageBuilder.SegmentTerminator.carriageReturn, .lineFeed, .carriageReturnLineFeed])
    func reencodingFromRawFieldsIsByteIdentical(terminator: MessageBuilder.SegmentTerminator) throws {
        let lineEnd = String(decoding: terminator.bytes, as: UTF8.self)
        let original = Array((Fixtures.admitSegments.joined(separator: lineEnd) + lineEnd).utf8)
        let message = try Message(bytes: original)

        #expect(try rebuild(message, terminator: terminator) { .raw($0.raw) } == original)
    }

    /// Decoding every leaf and escaping it again gives back the same bytes for messages whose escapes are
    /// delimiter escapes only (formatting such as `\.br\` is kept as text, so it would come back escaped).
    @Test func reencodingFromDecodedTextIsByteIdentical() throws {
        for text in [Fixtures.admit, Fixtures.report.replacingFirst(#"\.br\"#, with: " ")] {
            let message = try Message(text)
            let rebuilt = try rebuild(message, terminator: .carriageReturn) { field in
                .repeating(
                    field.children.map { repetition in
                        .composite(repetition.children.map { $0.children.map(\.text) })
                    })
            }
            #expect(rebuilt == Array(text.utf8))
        }
    }

    private func rebuild(
        _ message: Message, terminator: MessageBuilder.SegmentTerminator, field value: (MessageElement) -> FieldValue
    ) throws -> [UInt8] {
        var builder = MessageBuilder(
            encodingCharacters: message.encodingCharacters, characterSet: message.characterSet,
            segmentTerminator: terminator)
        for segment in message.segments {
            if segment.id == "MSH" {
                try builder.appendHeader(segment.fields.dropFirst(2).map(value))
            } else {
                try builder.appendSegment(segment.id, segment.fields.map(value))
            }
        }
        return builder.bytes
    }
}
