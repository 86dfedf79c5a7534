/// Writes HL7 v2 (ER7) messages: an ACK with MSH, MSA and ERR, or any other message.
///
/// The builder writes the delimiters and character set it is given and escapes every text value
/// (`|` becomes `\F\`, see ``EscapeEncoder``), so values can hold any text. It adds segments in the order
/// they are appended and does not check message structure; MSH-18 is written only if the caller puts it
/// in the header fields.
///
/// ```swift
/// var ack = MessageBuilder()
/// try ack.appendHeader(["RIS", "SLL", "PACS", "SLL", "20260101120000", "", .components(["ACK", "A08", "ACK"]),
///                       "ACK0001", "P", "2.5.1"])
/// try ack.appendSegment("MSA", ["AA", "MSG0001"])
/// let message = try ack.build()
/// ```
public struct MessageBuilder: Sendable {
    /// The bytes written after each segment.
    public enum SegmentTerminator: Sendable {
        /// CR, the HL7 standard.
        case carriageReturn
        case lineFeed
        case carriageReturnLineFeed

        var bytes: [UInt8] {
            switch self {
            case .carriageReturn: [ASCII.carriageReturn]
            case .lineFeed: [ASCII.lineFeed]
            case .carriageReturnLineFeed: [ASCII.carriageReturn, ASCII.lineFeed]
            }
        }
    }

    public let encodingCharacters: EncodingCharacters
    public let characterSet: MessageCharset
    public let segmentTerminator: SegmentTerminator
    /// The message written so far.
    public private(set) var bytes: [UInt8] = []

    public init(
        encodingCharacters: EncodingCharacters = .standard, characterSet: MessageCharset = .utf8,
        segmentTerminator: SegmentTerminator = .carriageReturn
    ) {
        self.encodingCharacters = encodingCharacters
        self.characterSet = characterSet
        self.segmentTerminator = segmentTerminator
    }

    /// Appends the MSH segment. MSH-1 and MSH-2 come from ``encodingCharacters``; `fields[0]` is MSH-3.
    public mutating func appendHeader(_ fields: [FieldValue]) throws(HL7Error) {
        var segment = Array("MSH".utf8)
        segment.append(encodingCharacters.field)
        segment.append(contentsOf: encodingCharacters.msh2Bytes)
        try appendFields(fields, to: &segment)
        bytes += segment + segmentTerminator.bytes
    }

    /// Appends a segment; `fields[0]` is field 1. Trailing empty fields are written as given.
    public mutating func appendSegment(_ id: String, _ fields: [FieldValue]) throws(HL7Error) {
        let idBytes = Array(id.utf8)
        guard idBytes.count == 3, idBytes.allSatisfy(ASCII.isUpperAlphanumeric) else {
            throw .invalidSegmentName(id)
        }
        var segment = idBytes
        try appendFields(fields, to: &segment)
        bytes += segment + segmentTerminator.bytes
    }

    /// Parses what was written, so the result has the same accessors as a received message.
    public func build() throws(HL7Error) -> Message {
        try Message(bytes: bytes)
    }

    private func appendFields(_ fields: [FieldValue], to segment: inout [UInt8]) throws(HL7Error) {
        for field in fields {
            segment.append(encodingCharacters.field)
            for (index, repetition) in field.repetitions.enumerated() {
                if index > 0 { segment.append(encodingCharacters.repetition) }
                switch repetition {
                case .raw(let raw):
                    segment += raw
                case .text(let components):
                    try append(components, to: &segment)
                }
            }
        }
    }

    private func append(_ components: [[String]], to segment: inout [UInt8]) throws(HL7Error) {
        let escaper = EscapeEncoder(delimiters: encodingCharacters)
        for (componentIndex, subcomponents) in components.enumerated() {
            if componentIndex > 0 { segment.append(encodingCharacters.component) }
            for (subcomponentIndex, text) in subcomponents.enumerated() {
                if subcomponentIndex > 0 { segment.append(encodingCharacters.subcomponent) }
                guard let encoded = characterSet.encode(text) else {
                    throw .unencodableText(text, characterSet)
                }
                escaper.append(encoded, to: &segment)
            }
        }
    }
}
