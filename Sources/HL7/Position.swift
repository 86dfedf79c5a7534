/// Where in a message something was found, for error texts and for ERR-2 (error location).
///
/// Every part is optional except the byte offset, because a problem can sit before the first segment is
/// known (an empty input) or between fields (a bad segment ID). Numbers follow HL7 usage, not Swift
/// indexing: `segmentNumber` 1 is the MSH segment and `field` uses HL7 field numbering, where MSH-1 is the
/// field separator itself.
public struct Position: Sendable, Hashable, CustomStringConvertible {
    /// 1-based number of the segment in the message (1 = MSH); nil when no segment applies.
    public var segmentNumber: Int?
    /// The segment's ID (`PID`), when it could be read.
    public var segmentID: String?
    /// HL7 field number within the segment; nil for the segment ID itself or when unknown.
    public var field: Int?
    /// 0-based offset of the offending byte from the start of the message.
    public var byteOffset: Int

    public init(segmentNumber: Int? = nil, segmentID: String? = nil, field: Int? = nil, byteOffset: Int) {
        self.segmentNumber = segmentNumber
        self.segmentID = segmentID
        self.field = field
        self.byteOffset = byteOffset
    }

    /// Reads like "segment 2 (PID), field 3, byte 57".
    public var description: String {
        var parts: [String] = []
        if let segmentNumber {
            parts.append(segmentID.map { "segment \(segmentNumber) (\($0))" } ?? "segment \(segmentNumber)")
        }
        if let field {
            parts.append("field \(field)")
        }
        parts.append("byte \(byteOffset)")
        return parts.joined(separator: ", ")
    }
}
