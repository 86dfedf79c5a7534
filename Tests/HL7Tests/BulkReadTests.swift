import HL7
import Testing

/// The forms made for bulk checks (the header read at once, segment codes, emptiness by path) give what the general
/// accessors give.
@Suite struct BulkReadTests {
    static let messages: [String] = [
        Fixtures.admit,
        Fixtures.report,
        #"MSH|^~\&|R\T\IS^1.2^ISO~X|^SU|B\F\FR&Y|VGR^2|2026||AD\S\T&Q^A01^ADT_A01~ORU|M\E\1^2|T^A|2.5.1^SWE"#,
        "MSH|^~\\&|||||||^A08|||",
        "MSH|^~\\&|RIS",
        "MSH#$*@!#RIS$1.2#SU#BFR#VGR#2026##ADT$A01#M@T@1#P$X#2.5\rPID#1##X\r",
        "MSH|^~\\&|A|B|C|D|2026||ADT^A01|C1|P|2.5\nEVN|A01\nPID|1\n",
    ]

    @Test func theHeaderEqualsTheShortcuts() throws {
        for text in Self.messages {
            let message = try Message(text)
            let header = message.header
            #expect(header.sendingApplicationNamespaceID == message.sendingApplication?.namespaceID, "\(text)")
            #expect(header.sendingFacilityNamespaceID == message.sendingFacility?.namespaceID, "\(text)")
            #expect(header.receivingApplicationNamespaceID == message.receivingApplication?.namespaceID, "\(text)")
            #expect(header.receivingFacilityNamespaceID == message.receivingFacility?.namespaceID, "\(text)")
            #expect(header.messageType == message.messageType, "\(text)")
            #expect(header.controlID == message.controlID && header.controlID == message.value(at: "MSH-10").flatMap { $0.isEmpty ? nil : $0 })
            #expect(header.processingID == message.processingID && header.versionID == message.versionID, "\(text)")
        }
        let escaped = try Message(Self.messages[2]).header
        #expect(escaped.sendingApplicationNamespaceID == "R&IS" && escaped.receivingApplicationNamespaceID == "B|FR&Y")
        #expect(escaped.messageType == MessageType(code: "AD^T&Q", triggerEvent: "A01", structure: "ADT_A01"))
        #expect(escaped.controlID == "M\\1^2" && escaped.processingID == "T" && escaped.versionID == "2.5.1")
        let other = try Message(Self.messages[5]).header
        #expect(other.controlID == "M!1" && other.processingID == "P" && other.messageType?.triggerEvent == "A01")
        let empty = try Message(Self.messages[3]).header
        #expect(empty.sendingApplicationNamespaceID == nil && empty.receivingFacilityNamespaceID == nil)
        #expect(empty.messageType == nil && empty.controlID == nil && empty.processingID == nil && empty.versionID == nil)
    }

    @Test func segmentIDsAndCodesMatchTheSegments() throws {
        for text in Self.messages {
            let message = try Message(text)
            #expect(message.segmentIDs == message.segments.map(\.id))
            #expect(message.segmentCodes.map(\.id) == message.segmentIDs)
            #expect(message.segmentCodes == message.segmentIDs.map { SegmentCode($0)! })
        }
        #expect(SegmentCode("PID") != nil && SegmentCode("PI") == nil && SegmentCode("PIDX") == nil)
        #expect(SegmentCode("OBX")?.id == "OBX")
    }

    @Test func aPathWhoseSegmentChangesFindsTheNewSegment() throws {
        let message = try Message(Fixtures.report)
        var path: FieldPath = "PID-5.1"
        #expect(message.value(at: path) == "Bäckström")
        path.segmentID = "OBR"
        path.field = 4
        #expect(message.value(at: path) == "CT-HJ" && path == FieldPath(segmentID: "OBR", field: 4, component: 1))
        path.segmentID = "OB"
        #expect(message.value(at: path) == nil && message.isEmpty(at: path))
    }

    @Test func emptinessByPathIsTheElementsEmptiness() throws {
        let message = try Message(Fixtures.admit)
        for path: FieldPath in ["PID-3", "PID-3[2].4.2", "PID-4", "PID-5.1", "PID-5.4", "PID-99", "ZZZ-1", "MSH-1", "MSH-2", "MSH-2.1", "PID[2]-3", "PV1-7.2"] {
            #expect(message.isEmpty(at: path) == (message.element(at: path)?.isEmpty ?? true), "\(path)")
            #expect(message.rawValue(at: path) == message.element(at: path)?.raw, "\(path)")
        }
    }
}

/// CX borrowed from the message: the ranges decode to what the owned form holds.
@Suite struct BorrowedCompositeIDTests {
    @Test func rangesDecodeToTheOwnedParts() throws {
        let message = try Message(Fixtures.admit)
        let ranges = message.compositeIDRanges(at: "PID-3")
        #expect(ranges.map { ExtendedCompositeID(message: message, ranges: $0) } == message.patientIdentifiers)
        #expect(ranges.count == 2 && message.text(ranges[0].id) == "191212121212")
        let authority = try #require(ranges[0].assigningAuthority)
        #expect(authority.namespaceID?.isEmpty == true && authority.universalIDType.map(message.text) == "ISO")
        let oid = try #require(authority.universalID)
        message.withRawBytes(oid) { bytes, hasEscape in
            #expect(Array(bytes) == Array("1.2.752.129.2.1.3.1".utf8) && !hasEscape)
        }
        #expect(ranges[0].checkDigit?.isEmpty == true && ranges[1].identifierTypeCode.map(message.text) == "PI")
        #expect(ranges[1].assigningAuthority?.namespaceID.map(message.text) == "RIS")
    }

    @Test func missingPartsAreNilAndEscapesAreReported() throws {
        let message = try Message(#"MSH|^~\&|A|B|C|D|2026||ADT^A01|1|T|2.5"# + "\r" + #"PID|1||X\T\1~~Y^^^&1.2\E\3~Z^^^"# + "\r")
        let ranges = message.compositeIDRanges(at: "PID-3")
        #expect(ranges.count == 3)
        #expect(message.text(ranges[0].id) == "X&1" && ranges[0].checkDigit == nil && ranges[0].assigningAuthority == nil)
        message.withRawBytes(ranges[0].id) { bytes, hasEscape in #expect(hasEscape && bytes.count == 5) }
        #expect(ranges[1].assigningAuthority?.universalID.map(message.text) == #"1.2\3"#)
        #expect(ranges[1].assigningAuthority?.universalIDType == nil)
        #expect(ranges[2].assigningAuthority == nil && ranges[2].identifierTypeCode == nil)
        #expect(ExtendedCompositeID(message: message, ranges: ranges[2]) == ExtendedCompositeID(id: "Z"))
        #expect(message.compositeIDRanges(at: "MRG-1").isEmpty && message.compositeIDRanges(at: "MSH-2").isEmpty)
    }
}
