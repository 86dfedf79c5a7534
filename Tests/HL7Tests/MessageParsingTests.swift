import Testing

@testable import HL7

@Suite struct MessageParsingTests {
    @Test func segmentsAreIndexedInOrder() throws {
        let message = try Message(Fixtures.admit)

        #expect(message.segments.map(\.id) == ["MSH", "EVN", "PID", "PV1", "AL1"])
        #expect(message.segment("PID")?.index == 2)
        #expect(message.segment("OBX") == nil)
        #expect(message.encodingCharacters == .standard)
    }

    @Test func headerFieldsFollowHL7Numbering() throws {
        let message = try Message(Fixtures.admit)

        #expect(message.value(at: "MSH-1") == "|")
        #expect(message.value(at: "MSH-2") == #"^~\&"#)
        #expect(message.value(at: "MSH-3") == "TakeCare")
        #expect(message.value(at: "MSH-9") == "ADT^A01^ADT_A01")
        #expect(message.value(at: "MSH-9.2") == "A01")
        #expect(message.value(at: "MSH-2.1") == nil)
        #expect(message.segment("MSH")?.fieldCount == 18)
    }

    @Test func headerShortcuts() throws {
        let message = try Message(Fixtures.admit)

        #expect(message.messageType == MessageType(code: "ADT", triggerEvent: "A01", structure: "ADT_A01"))
        #expect(message.messageType?.description == "ADT^A01^ADT_A01")
        #expect(message.controlID == "MSG00001")
        #expect(message.processingID == "P")
        #expect(message.versionID == "2.5.1")
        #expect(message.sendingApplication == HierarchicDesignator(namespaceID: "TakeCare"))
        #expect(message.sendingFacility?.namespaceID == "SU")
        #expect(message.receivingApplication?.namespaceID == "BFR")
        #expect(message.receivingFacility?.namespaceID == "VGR")
        #expect(message.characterSet == .utf8)
    }

    @Test func headerShortcutsAreNilWhenFieldsAreMissing() throws {
        let message = try Message(#"MSH|^~\&|APP^1.2.3^ISO"#)

        #expect(
            message.sendingApplication
                == HierarchicDesignator(namespaceID: "APP", universalID: "1.2.3", universalIDType: "ISO"))
        #expect(message.sendingFacility == nil)
        #expect(message.messageType == nil)
        #expect(message.controlID == nil)
        #expect(message.characterSet == .ascii)
    }

    @Test func valuesAtPathsWithRepetitionsComponentsAndSubcomponents() throws {
        let message = try Message(Fixtures.admit)

        #expect(message.value(at: "PID-3") == "191212121212^^^&1.2.752.129.2.1.3.1&ISO^PN")
        #expect(message.value(at: "PID-3.1") == "191212121212")
        #expect(message.value(at: "PID-3.4.2") == "1.2.752.129.2.1.3.1")
        #expect(message.value(at: "PID-3[2].1") == "123456")
        #expect(message.value(at: "PID-3[2].4.1") == "RIS")
        #expect(message.value(at: "PID-3[3]") == nil)
        #expect(message.value(at: "PID-5.3") == "Åsa")
        #expect(message.value(at: "PID-11.3") == "Göteborg")
        #expect(message.value(at: "PID-2") == "")
        #expect(message.value(at: "PID-99") == nil)
        #expect(message.value(at: "PID-3.9") == nil)
        #expect(message.value(at: "PV1-7.2") == "Öberg")
    }

    @Test func rawValuesShareTheMessageBytes() throws {
        let message = try Message(Fixtures.admit)

        let raw = try #require(message.rawValue(at: "AL1-5"))
        #expect(String(decoding: raw, as: UTF8.self) == #"Utslag \T\ klåda"#)
        #expect(message.value(at: "AL1-5") == "Utslag & klåda")
        #expect(raw.startIndex > 0)
    }

    @Test func repetitionsAndComponents() throws {
        let message = try Message(Fixtures.admit)

        let repetitions = message.repetitions(at: "PID-3")
        #expect(repetitions.count == 2)
        #expect(repetitions.map { $0.level } == [.repetition, .repetition])
        #expect(repetitions[1].child(4)?.children.map(\.text) == ["RIS", "1.2.752.113.11.0.2.1.1.1", "ISO"])
        #expect(message.components(at: "PID-5") == ["Tolvansson", "Tolvan", "Åsa"])
        #expect(message.components(at: "PID-5.2") == ["Tolvansson", "Tolvan", "Åsa"])
        #expect(message.components(at: "ZZZ-1") == nil)
    }

    @Test func segmentOccurrences() throws {
        let message = try Message(Fixtures.report)

        #expect(message.segments("OBX").count == 2)
        #expect(message.value(at: "OBX[2]-1") == "2")
        #expect(message.segment("OBX", occurrence: 3) == nil)
        #expect(message.segment("OBX", occurrence: 0) == nil)
        #expect(message.segments("TOOLONG").isEmpty)
    }

    @Test func segmentViews() throws {
        let message = try Message(Fixtures.admit)
        let evn = try #require(message.segment("EVN"))

        #expect(String(decoding: evn.raw, as: UTF8.self) == "EVN|A01|20260115083000")
        #expect(evn.fields.map(\.text) == ["A01", "20260115083000"])
        #expect(evn.field(0) == nil)
        #expect(try Message("MSH|^~\\&\rZZ1").segment("ZZ1")?.fields.isEmpty == true)
    }

    @Test(arguments: ["\r", "\n", "\r\n"])
    func segmentEndsAreTolerated(lineEnd: String) throws {
        let text = Fixtures.admitSegments.joined(separator: lineEnd) + lineEnd
        let message = try Message(text)

        #expect(message.segments.count == 5)
        #expect(message.value(at: "PID-5.1") == "Tolvansson")
        #expect(message.value(at: "AL1-5") == "Utslag & klåda")
        #expect(message.encoded() == Array(text.utf8))
    }

    @Test func lineFeedInsideAFieldIsTextWhenSegmentsEndInCarriageReturn() throws {
        let text = "MSH|^~\\&|RIS\rOBX|1|TX|||Rad ett\nRad två\rOBX|2\r"
        let message = try Message(text)

        #expect(message.segments.map(\.id) == ["MSH", "OBX", "OBX"])
        #expect(message.value(at: "OBX-5") == "Rad ett\nRad två")
    }

    @Test func emptyLinesAndMissingFinalLineEndAreAccepted() throws {
        let message = try Message("MSH|^~\\&|A\r\n\r\nPID|1\r\n\r\nPV1|1")

        #expect(message.segments.map(\.id) == ["MSH", "PID", "PV1"])
        #expect(message.value(at: "PV1-1") == "1")
    }

    @Test func otherEncodingCharactersAreHonoured() throws {
        let message = try Message("MSH#:*!@#APP#FAC\rPID#1##1912:x*2nd##Namn:Åsa@B:a!F!b")

        #expect(message.encodingCharacters.field == UInt8(ascii: "#"))
        #expect(message.value(at: "MSH-2") == ":*!@")
        #expect(message.value(at: "PID-3.1") == "1912")
        #expect(message.value(at: "PID-3[2]") == "2nd")
        #expect(message.value(at: "PID-5.2") == "Åsa@B")
        #expect(message.value(at: "PID-5.2.2") == "B")
        #expect(message.value(at: "PID-5.3") == "a#b")
    }

    @Test func secondHeaderSegmentWithoutFieldsHasNone() throws {
        let message = try Message("MSH|^~\\&|A\rMSH")

        #expect(message.segments("MSH").count == 2)
        #expect(message.segment("MSH", occurrence: 2)?.fieldCount == 0)
        #expect(message.value(at: "MSH[2]-1") == nil)
        #expect(message.escapeIssues().isEmpty)
    }

    @Test func truncationCharacterOfVersion27IsKept() throws {
        let message = try Message("MSH|^~\\&#|APP\r")

        #expect(message.encodingCharacters.truncation == UInt8(ascii: "#"))
        #expect(message.value(at: "MSH-2") == "^~\\&#")
        #expect(message.value(at: "MSH-3") == "APP")
    }

    @Test func roundTripIsByteIdentical() throws {
        for bytes in [Array(Fixtures.admit.utf8), Fixtures.admitLatin1Bytes, Array(Fixtures.report.utf8)] {
            #expect(try Message(bytes: bytes).encoded() == bytes)
        }
    }
}
