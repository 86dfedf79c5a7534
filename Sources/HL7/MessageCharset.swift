/// The character set a message declares in MSH-18 (HL7 table 0211), used to turn bytes into Swift strings.
///
/// Decisions, because Swedish senders often leave MSH-18 empty or mislabel it:
/// - `UNICODE UTF-8` (also the common spellings `UTF-8`, `UTF8`): strict. The parser rejects invalid UTF-8
///   with ``HL7Error/invalidUTF8(_:)`` unless asked to be lenient, and then shows bad bytes as U+FFFD.
/// - `8859/1` (also `ISO-8859-1`, `ISO_8859-1`, `LATIN1`): every byte maps to the code point of the same
///   number; decoding cannot fail.
/// - empty MSH-18 (``ascii``) and names this codec does not know (``unrecognized(_:)``): the message is still
///   parsed, and text is decoded as UTF-8 when its bytes are valid UTF-8, otherwise as 8859/1. Callers that
///   must flag the label (an `hl7 check` report) read ``Message/characterSet``.
public enum MessageCharset: Sendable, Hashable {
    /// MSH-18 empty: 7-bit ASCII by the standard (decoded leniently, see above).
    case ascii
    /// `8859/1`, ISO-8859-1 (Latin-1), which covers å ä ö é ü.
    case latin1
    /// `UNICODE UTF-8`.
    case utf8
    /// Any other MSH-18 value, kept as written (trimmed) so that it can be reported.
    case unrecognized(String)

    /// Reads an MSH-18 value. Matching ignores case and surrounding spaces.
    public init(msh18 value: String) {
        // The exact table 0211 spellings first: they are what nearly every message carries.
        switch value {
        case "UNICODE UTF-8":
            self = .utf8
            return
        case "8859/1":
            self = .latin1
            return
        case "":
            self = .ascii
            return
        default: break
        }
        let trimmed = value.trimmingSpaces
        switch trimmed.uppercased() {
        case "": self = .ascii
        case "ASCII", "US-ASCII": self = .ascii
        case "8859/1", "ISO-8859-1", "ISO_8859-1", "ISO8859-1", "LATIN1", "LATIN-1": self = .latin1
        case "UNICODE UTF-8", "UTF-8", "UTF8": self = .utf8
        default: self = .unrecognized(trimmed)
        }
    }

    /// The table 0211 value to write in MSH-18 for this set (empty for ASCII).
    public var msh18Value: String {
        switch self {
        case .ascii: ""
        case .latin1: "8859/1"
        case .utf8: "UNICODE UTF-8"
        case .unrecognized(let name): name
        }
    }

    /// Decodes already-unescaped bytes. Never fails: see the type's documentation for each set.
    func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        if ASCII.isASCII(bytes) {
            return String(decoding: bytes, as: UTF8.self)
        }
        switch self {
        case .utf8:
            return String(decoding: bytes, as: UTF8.self)
        case .latin1:
            return Self.decodeLatin1(bytes)
        case .ascii, .unrecognized:
            return UTF8Validation.firstInvalidOffset(in: bytes) == nil
                ? String(decoding: bytes, as: UTF8.self) : Self.decodeLatin1(bytes)
        }
    }

    /// Encodes text for a message in this set; nil when a character has no byte in 8859/1.
    /// ASCII and unrecognized sets are written as UTF-8, the reading that ``decode(_:)`` tries first.
    func encode(_ text: String) -> [UInt8]? {
        guard self == .latin1 else {
            return Array(text.utf8)
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            guard scalar.value <= 0xFF else { return nil }
            bytes.append(UInt8(scalar.value))
        }
        return bytes
    }

    private static func decodeLatin1(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let highBytes = bytes.reduce(0) { $0 + ($1 >= 0x80 ? 1 : 0) }
        return String(unsafeUninitializedCapacity: bytes.count + highBytes) { output in
            var written = 0
            for byte in bytes {
                if byte < 0x80 {
                    output[written] = byte
                    written += 1
                } else {
                    output[written] = 0xC0 | (byte >> 6)
                    output[written + 1] = 0x80 | (byte & 0x3F)
                    written += 2
                }
            }
            return written
        }
    }
}

extension String {
    /// The string without leading and trailing spaces; kept here so the module needs no Foundation.
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " }),
            let last = scalars.lastIndex(where: { $0 != " " })
        else { return "" }
        return String(scalars[first...last])
    }
}
