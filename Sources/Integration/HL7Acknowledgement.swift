import Domain
import Foundation
import HL7
import Synchronization

/// Builds the HL7 acknowledgement (original mode) the verification environment answers with: MSA-1 AA, AE or
/// AR, MSA-2 echoing MSH-10, one ERR segment per finding (ERR-2 location, ERR-3 table 0357 code, ERR-4 severity,
/// ERR-7 the English text, ERR-8 the Swedish one). The ACK uses the sender's encoding characters, character set
/// and version, swaps sender and receiver, and names the acknowledged event in MSH-9 (`ACK^A08^ACK`).
public enum HL7Acknowledgement {
    /// The ACK of a parsed `message`; `controlID` is the ACK's own MSH-10.
    public static func build(
        for message: Message, code: AcknowledgementCode, findings: [VerificationFinding], controlID: String, at time: Date
    ) -> [UInt8] {
        // A text the sender's set cannot carry (a sign outside Latin-1) sends the ACK in UTF-8 instead.
        for charset in [writable(message.characterSet), .utf8] {
            var builder = MessageBuilder(encodingCharacters: message.encodingCharacters, characterSet: charset)
            let header: [FieldValue] = [
                designator(message.receivingApplication), designator(message.receivingFacility),
                designator(message.sendingApplication), designator(message.sendingFacility),
                .text(timestamp(time)), "",
                .components(["ACK", message.messageType?.triggerEvent ?? "", "ACK"]),
                .text(controlID), .text(message.processingID ?? "T"), .text(message.versionID ?? "2.5"),
                "", "", "", "", "", .text(charset.msh18Value),
            ]
            if let bytes = try? assemble(&builder, header: header, code: code, acknowledged: message.controlID ?? "", findings: findings) {
                return bytes
            }
        }
        return minimal(code: code, acknowledged: message.controlID ?? "")
    }

    /// The AR for bytes that could not be handled as a message (no MSH, too large, unreadable), in standard
    /// encoding characters; MSA-2 echoes the control id when one could be read from `prefix`.
    public static func rejection(
        of prefix: [UInt8], finding: VerificationFinding, controlID: String, at time: Date
    ) -> [UInt8] {
        if let message = try? Message(bytes: prefix, characterSetValidation: .lenient) {
            return build(for: message, code: .rejected, findings: [finding], controlID: controlID, at: time)
        }
        var builder = MessageBuilder()
        let header: [FieldValue] = [
            "ANSLUT", "", "", "", .text(timestamp(time)), "", .components(["ACK", "", "ACK"]), .text(controlID), "T", "2.5",
        ]
        return (try? assemble(&builder, header: header, code: .rejected, acknowledged: "", findings: [finding]))
            ?? minimal(code: .rejected, acknowledged: "")
    }

    /// MSH and MSA only, in ASCII: the answer when nothing else can be written.
    private static func minimal(code: AcknowledgementCode, acknowledged: String) -> [UInt8] {
        let id = String(acknowledged.unicodeScalars.filter { $0.isASCII && $0 != "|" && $0 != "\r" })
        return Array("MSH|^~\\&|ANSLUT||||||ACK|ACK|T|2.5\rMSA|\(code.rawValue)|\(id)\r".utf8)
    }

    private static func assemble(
        _ builder: inout MessageBuilder, header: [FieldValue], code: AcknowledgementCode, acknowledged: String,
        findings: [VerificationFinding]
    ) throws(HL7Error) -> [UInt8] {
        try builder.appendHeader(header)
        try builder.appendSegment("MSA", [.text(code.rawValue), .text(acknowledged)])
        for finding in findings {
            try builder.appendSegment("ERR", [
                "", location(finding.location),
                .components([String(finding.code), errorName(finding.code), "HL70357"]),
                .text(finding.severity.rawValue), .text(finding.rule), "", .text(finding.text.en), .text(finding.text.sv),
            ])
        }
        return builder.bytes
    }

    /// ASCII cannot carry å, ä, ö in the texts: such an ACK is written in Latin-1 (and says so in MSH-18); an
    /// unrecognised set is answered in UTF-8.
    private static func writable(_ charset: MessageCharset) -> MessageCharset {
        switch charset {
        case .ascii: .latin1
        case .unrecognized: .utf8
        case .latin1, .utf8: charset
        }
    }

    private static func designator(_ hd: HierarchicDesignator?) -> FieldValue {
        guard let hd else { return "" }
        guard hd.universalID != nil || hd.universalIDType != nil else { return .text(hd.namespaceID ?? "") }
        return .composite([[hd.namespaceID ?? "", hd.universalID ?? "", hd.universalIDType ?? ""]])
    }

    private static func location(_ location: VerificationFinding.Location?) -> FieldValue {
        guard let location else { return "" }
        let repetition: Int? = location.repetition ?? (location.field == nil ? nil : 1)
        let numbers: [Int?] = [location.occurrence, location.field, repetition, location.component, location.subcomponent]
        var parts: [String] = [location.segment] + numbers.map { $0.map(String.init) ?? "" }
        while parts.last == "" { parts.removeLast() }
        return .components(parts)
    }

    /// Table 0357's names.
    private static func errorName(_ code: Int) -> String {
        switch code {
        case 0: "Message accepted"
        case 100: "Segment sequence error"
        case 101: "Required field missing"
        case 102: "Data type error"
        case 103: "Table value not found"
        case 200: "Unsupported message type"
        case 201: "Unsupported event code"
        case 202: "Unsupported processing id"
        case 203: "Unsupported version id"
        case 204: "Unknown key identifier"
        case 205: "Duplicate key identifier"
        case 206: "Application record locked"
        default: "Application internal error"
        }
    }

    /// HL7 DTM in Swedish time with its offset: `20261206054512+0100`. The same for every ACK of a second, so the
    /// last one is kept: the calendar arithmetic and formatting cost more than the rest of an ACK (BENCHMARKS.md,
    /// MLLP end to end).
    static func timestamp(_ date: Date) -> String {
        let second = date.timeIntervalSince1970.rounded(.down)
        if let last = lastTimestamp.withLock({ $0 }), last.second == second { return last.text }
        let text = formattedTimestamp(date)
        lastTimestamp.withLock { $0 = (second, text) }
        return text
    }

    private static let lastTimestamp = Mutex<(second: Double, text: String)?>(nil)

    private static func formattedTimestamp(_ date: Date) -> String {
        let zone = TimeZone(identifier: "Europe/Stockholm") ?? .gmt
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let offset = zone.secondsFromGMT(for: date) / 60
        func two(_ value: Int?) -> String { String(format: "%02d", value ?? 0) }
        return "\(c.year ?? 0)\(two(c.month))\(two(c.day))\(two(c.hour))\(two(c.minute))\(two(c.second))"
            + (offset < 0 ? "-" : "+") + two(abs(offset) / 60) + two(abs(offset) % 60)
    }
}
