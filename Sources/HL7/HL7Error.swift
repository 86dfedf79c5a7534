/// Everything that can go wrong when reading or writing HL7 v2 (ER7) text.
///
/// Parsing never traps: malformed input ends in one of these cases, each carrying the position where the
/// parser gave up, so a technician can find the byte in the sender's message. Problems that do not stop a
/// message from being read (broken escape sequences, an unknown MSH-18 character set) are not errors; see
/// ``EscapeIssue`` and ``MessageCharset/unrecognized(_:)``.
public enum HL7Error: Error, Sendable, Hashable, CustomStringConvertible {
    /// The input holds no bytes at all.
    case emptyInput
    /// The message does not start with `MSH`; `found` is what stood there instead (at most 3 bytes).
    case missingHeader(found: String, Position)
    /// The MSH segment ends before MSH-1 and the four MSH-2 encoding characters (`MSH|^~\&`).
    case headerTooShort(Position)
    /// MSH-1/MSH-2 declare delimiters that cannot work; the reason says which rule was broken.
    case invalidEncodingCharacters(reason: String, Position)
    /// A segment does not start with a three-character ID of upper-case letters and digits.
    case invalidSegmentID(found: String, Position)
    /// MSH-18 declares `UNICODE UTF-8` but the bytes at the position are not valid UTF-8.
    case invalidUTF8(Position)
    /// The message is too large for the 32-bit offsets of the index (4 GiB).
    case messageTooLarge(byteCount: Int)
    /// A field path such as `PID-3[2].4.2` could not be read.
    case invalidFieldPath(String, reason: String)
    /// The encoder was given a segment ID that is not three upper-case letters or digits.
    case invalidSegmentName(String)
    /// The encoder cannot write this text in the message's character set (e.g. `€` in 8859/1).
    case unencodableText(String, MessageCharset)

    /// The position of the problem, when it lies inside a message.
    public var position: Position? {
        switch self {
        case .missingHeader(_, let position), .headerTooShort(let position),
            .invalidEncodingCharacters(_, let position), .invalidSegmentID(_, let position),
            .invalidUTF8(let position):
            position
        case .emptyInput, .messageTooLarge, .invalidFieldPath, .invalidSegmentName, .unencodableText:
            nil
        }
    }

    public var description: String {
        switch self {
        case .emptyInput:
            "empty input: no HL7 message"
        case .missingHeader(let found, let position):
            "\(position): a message must start with MSH, found \"\(found)\""
        case .headerTooShort(let position):
            "\(position): MSH segment too short to carry the field separator and four encoding characters"
        case .invalidEncodingCharacters(let reason, let position):
            "\(position): invalid encoding characters: \(reason)"
        case .invalidSegmentID(let found, let position):
            "\(position): invalid segment ID \"\(found)\" (expected three upper-case letters or digits)"
        case .invalidUTF8(let position):
            "\(position): invalid UTF-8 although MSH-18 declares UNICODE UTF-8"
        case .messageTooLarge(let byteCount):
            "message of \(byteCount) bytes is larger than the 4 GiB this parser indexes"
        case .invalidFieldPath(let path, let reason):
            "invalid field path \"\(path)\": \(reason)"
        case .invalidSegmentName(let name):
            "invalid segment ID \"\(name)\" (expected three upper-case letters or digits)"
        case .unencodableText(let text, let charset):
            "text \"\(text)\" cannot be written in character set \(charset.msh18Value)"
        }
    }
}
