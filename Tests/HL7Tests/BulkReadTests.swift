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

    @Test func emptinessByPathIsTheElementsEmptiness() throws {
        let message = try Message(Fixtures.admit)
        for path: FieldPath in ["PID-3", "PID-3[2].4.2", "PID-4", "PID-5.1", "PID-5.4", "PID-99", "ZZZ-1", "MSH-1", "MSH-2", "MSH-2.1", "PID[2]-3", "PV1-7.2"] {
            #expect(message.isEmpty(at: path) == (message.element(at: path)?.isEmpty ?? true), "\(path)")
            #expect(message.rawValue(at: path) == message.element(at: path)?.raw, "\(path)")
        }
    }
}
