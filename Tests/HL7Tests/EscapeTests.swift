import Testing

@testable import HL7

@Suite struct EscapeTests {
    /// Decodes `value` as OBX-5 of a UTF-8 message.
    private func decode(_ value: String, charset: String = "UNICODE UTF-8") throws -> String? {
        try Message("MSH|^~\\&|||||||ORU^R01|1|P|2.5|||||SWE|\(charset)\rOBX|1|TX|||\(value)").value(at: "OBX-5")
    }

    @Test func delimiterEscapes() throws {
        #expect(try decode(#"a\F\b\S\c\T\d\R\e\E\f"#) == #"a|b^c&d~e\f"#)
    }

    @Test func hexEscapesAreBytesInTheMessageCharset() throws {
        #expect(try decode(#"\X41\\X4243\"#) == "ABC")
        #expect(try decode(#"\XC3A5\ och \xc3b6\"#) == #"å och \xc3b6\"#)
        #expect(try decode(#"\XE5\"#, charset: "8859/1") == "å")
        #expect(try decode(#"rad\X0D0A\två"#) == "rad\r\ntvå")
    }

    @Test func invalidUTF8FromHexIsReplacedNotFatal() throws {
        #expect(try decode(#"\XE5\"#) == "\u{FFFD}")
    }

    @Test func formattingAndCharsetSwitchesAreKeptAsWritten() throws {
        #expect(try decode(#"Rad ett\.br\Rad två"#) == #"Rad ett\.br\Rad två"#)
        #expect(try decode(#"\H\viktigt\N\ \.sp 2\ \.in+4\"#) == #"\H\viktigt\N\ \.sp 2\ \.in+4\"#)
        #expect(try decode(#"\C2842\\M2442\\M244041\\Zlokal\"#) == #"\C2842\\M2442\\M244041\\Zlokal\"#)
    }

    @Test func brokenEscapesAreKeptLiterally() throws {
        #expect(try decode(#"slut \F"#) == #"slut \F"#)
        #expect(try decode(#"a\\b"#) == #"a\\b"#)
        #expect(try decode(#"\Q\"#) == #"\Q\"#)
        #expect(try decode(#"\XZZ\ \X4\ \X\"#) == #"\XZZ\ \X4\ \X\"#)
        #expect(try decode(#"\C28\"#) == #"\C28\"#)
    }

    @Test func nestedEscapes() throws {
        #expect(try decode(#"\F\S\"#) == #"|S\"#)
        #expect(try decode(#"\E\F\E\"#) == #"\F\"#)
        #expect(try decode(#"\X5C\F\X5C\"#) == #"\F\"#)
    }

    @Test func escapeCannotSpanComponents() throws {
        let message = try Message("MSH|^~\\&\rOBX|1|TX|||a\\F^\\S\\")
        #expect(message.value(at: "OBX-5.1") == #"a\F"#)
        #expect(message.value(at: "OBX-5.2") == "^")
    }

    @Test func issuesAreReportedWithPositions() throws {
        let text = "MSH|^~\\&\rOBX|1|TX|||ok \\F\\ \\Q\\~\\XZ\\^x\\&\\\\|slut \\.br\\ \\H"
        let message = try Message(text)
        let issues = message.escapeIssues()

        #expect(issues.map(\.kind) == [.unknown, .invalidHex, .unterminated, .empty, .unterminated])
        #expect(issues.map(\.sequence) == [#"\Q\"#, #"\XZ\"#, #"\"#, #"\\"#, #"\H"#])
        #expect(issues[0].position.segmentNumber == 2)
        #expect(issues[0].position.segmentID == "OBX")
        #expect(issues[0].position.field == 5)
        #expect(issues[0].position.byteOffset == Array(text.utf8).firstIndex(of: UInt8(ascii: "Q"))! - 1)
        #expect(issues[4].position.field == 6)
        #expect(issues[0].description.contains("unknown escape sequence"))
    }

    @Test func validMessagesHaveNoIssues() throws {
        #expect(try Message(Fixtures.admit).escapeIssues().isEmpty)
        #expect(try Message(Fixtures.report).escapeIssues().isEmpty)
    }

    @Test func encoderEscapesDelimitersAndLineEnds() {
        var output: [UInt8] = []
        EscapeEncoder(delimiters: .standard).append(Array("a|b^c&d~e\\f\rg\nh".utf8), to: &output)

        #expect(String(decoding: output, as: UTF8.self) == #"a\F\b\S\c\T\d\R\e\E\f\X0D\g\X0A\h"#)
    }

    @Test func escapingThenDecodingGivesTheTextBack() throws {
        var generator = SeededGenerator(seed: 7)
        let alphabet = Array("|^&~\\\r\nabcÅäö .#".unicodeScalars)
        for _ in 0..<300 {
            let text = String(
                String.UnicodeScalarView(
                    (0..<Int.random(in: 0...20, using: &generator)).map { _ in
                        alphabet.randomElement(using: &generator)!
                    }))
            var builder = MessageBuilder()
            try builder.appendHeader([])
            try builder.appendSegment("OBX", ["1", "TX", "", "", .text(text)])
            #expect(try builder.build().value(at: "OBX-5") == text)
        }
    }
}
