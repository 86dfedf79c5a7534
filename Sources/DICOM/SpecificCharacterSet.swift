/// The character set a data set's strings are written in, from Specific Character Set (0008,0005).
///
/// Swedish names need one of two: `ISO_IR 100` (Latin-1, one byte per character) or `ISO_IR 192` (UTF-8).
/// Without (0008,0005) the repertoire is ASCII (`ISO_IR 6`); bytes above 0x7F in such data are decoded as
/// Latin-1, the same guess pydicom makes, so a mislabelled "Åsa" still reads as "Åsa" and a check can
/// flag the missing declaration. Other character sets are kept by name and decoded the same way, with
/// ``isSupported`` `false` so a check can say so instead of showing wrong letters as right.
public struct SpecificCharacterSet: Sendable, Hashable, CustomStringConvertible {
    /// The defined terms as the data set gave them, e.g. `["ISO_IR 100"]`; empty for the default repertoire.
    public let terms: [String]
    private let encoding: Encoding

    private enum Encoding: Sendable, Hashable {
        case latin1
        case utf8
        case unsupported
    }

    /// The default repertoire, for data sets without (0008,0005).
    public static let `default` = SpecificCharacterSet(terms: [])
    /// `ISO_IR 100`, Latin-1.
    public static let latin1 = SpecificCharacterSet(terms: ["ISO_IR 100"])
    /// `ISO_IR 192`, UTF-8.
    public static let utf8 = SpecificCharacterSet(terms: ["ISO_IR 192"])

    /// The character set named by the defined terms of (0008,0005). The first term names the character set
    /// of the whole data set; a leading empty term (`\ISO 2022 IR 100`) means ASCII with code extensions,
    /// which for the terms supported here decodes the same as the term that follows.
    public init(terms: [String]) {
        self.terms = terms
        let meaningful = terms.filter { !$0.isEmpty && $0 != "ISO_IR 6" && $0 != "ISO 2022 IR 6" }
        switch meaningful.first {
        case nil, "ISO_IR 100", "ISO 2022 IR 100": encoding = .latin1
        case "ISO_IR 192": encoding = meaningful.count == 1 ? .utf8 : .unsupported
        default: encoding = .unsupported
        }
    }

    /// `false` for character sets this reader does not decode; their strings are decoded as Latin-1.
    public var isSupported: Bool { encoding != .unsupported }

    /// `ISO_IR 100`, or `default (ISO_IR 6)`.
    public var description: String {
        terms.isEmpty ? "default (ISO_IR 6)" : terms.joined(separator: "\\")
    }

    /// The text of `bytes` in this character set. Invalid UTF-8 becomes U+FFFD rather than an error: a
    /// check shows the value and the replacement character says what went wrong.
    public func decode(_ bytes: UnsafeRawBufferPointer) -> String {
        if encoding == .utf8 || bytes.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: bytes, as: UTF8.self)
        }
        // Latin-1 maps each byte to the Unicode scalar of the same number; bytes from 0x80 take two bytes in
        // UTF-8. Written straight into the string's storage: the generic scalar-by-scalar route costs more
        // than the whole parse of a small object.
        return String(unsafeUninitializedCapacity: bytes.count * 2) { utf8 in
            var count = 0
            for byte in bytes {
                if byte < 0x80 {
                    utf8[count] = byte
                    count += 1
                } else {
                    utf8[count] = 0xC0 | byte >> 6
                    utf8[count + 1] = 0x80 | byte & 0x3F
                    count += 2
                }
            }
            return count
        }
    }

    /// `text` encoded in this character set, for the writer; characters Latin-1 cannot hold become `?`.
    func encode(_ text: String) -> [UInt8] {
        if encoding == .utf8 { return Array(text.utf8) }
        return text.unicodeScalars.map { $0.value < 0x100 ? UInt8($0.value) : UInt8(ascii: "?") }
    }
}
