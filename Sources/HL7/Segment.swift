/// One segment of a message, as a view on the message's bytes.
public struct Segment: Sendable {
    let message: Message
    /// 0-based index in ``Message/segments``.
    public let index: Int

    /// The segment ID, e.g. `PID`.
    public var id: String {
        message.index.segmentID(index)
    }

    /// The highest HL7 field number present (trailing empty fields that were written count).
    public var fieldCount: Int {
        message.index.fieldCount(segment: index)
    }

    /// The segment's bytes without its line end.
    public var raw: ArraySlice<UInt8> {
        let entry = message.index.segments[index]
        return message.bytes[entry.start..<entry.end]
    }

    /// HL7 field `number` (MSH-1 is the field separator), or nil when the segment has fewer fields.
    public func field(_ number: Int) -> MessageElement? {
        guard number >= 1, let range = message.index.fieldRange(segment: index, number: number) else { return nil }
        return MessageElement(
            message: message, level: .field, byteRange: range,
            isLiteral: message.index.isLiteralField(segment: index, number: number))
    }

    /// All fields in order, from field 1 to ``fieldCount``.
    public var fields: [MessageElement] {
        (0..<fieldCount).compactMap { field($0 + 1) }
    }
}

/// A segment ID as one number (its three bytes), so that matching a message's segments against a list compares
/// integers, not strings: the profile checks do it for every segment of every message.
public struct SegmentCode: Sendable, Hashable {
    public let rawValue: UInt32

    init(rawValue: UInt32) {
        self.rawValue = rawValue
    }

    /// The code of a three-byte ID such as `PID`; nil for an ID of any other length in UTF-8, which no segment
    /// of a parsed message has.
    public init?(_ id: String) {
        guard let code = SegmentEntry.code(id) else { return nil }
        rawValue = code
    }

    /// The ID, e.g. `PID`.
    public var id: String {
        SegmentEntry.id(rawValue)
    }
}
