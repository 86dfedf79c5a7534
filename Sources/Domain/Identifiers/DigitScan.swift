/// The ASCII digits of an all-digit identifier (personnummer, samordningsnummer, organisationsnummer,
/// the all-digit local reservnummer), read in one pass over the UTF-8 bytes without allocating.
///
/// Only the bytes `0`–`9` count as digits; any other character, Unicode digits of other scripts
/// included, is refused naming the character and its position. At most one separator is allowed.
struct DigitScan {
    /// Which separators a scheme allows.
    enum Separators {
        case none, hyphen, hyphenOrPlus
    }

    /// Texts longer than this many UTF-8 bytes are refused before they are read, so that any
    /// input costs at most this much work.
    static let inputLimit = 64

    /// The digits as one number. Only the first 18 are kept, so no value overflows; `count` still
    /// counts them all, and every scheme refuses that many.
    private(set) var value: UInt64 = 0
    /// How many digits were read.
    private(set) var count = 0
    /// The separator's byte (`-` or `+`), nil without one.
    private(set) var separator: UInt8?
    /// How many digits precede the separator.
    private(set) var digitsBeforeSeparator = 0

    /// Reads `text`; `format` (asked for only when there is an error) words the messages.
    static func read(_ text: String, separators: Separators, format: @autoclosure () -> IdentifierFormat) throws(IdentifierError) -> DigitScan {
        try checkLength(of: text)
        var contiguous = text  // `withUTF8` needs a variable; a native string is not copied
        let (scan, stop) = contiguous.withUTF8 { read($0, separators: separators) }
        switch stop {
        case nil: return scan
        case .secondSeparator: throw IdentifierError(.misplacedSeparator(format()))
        case .unexpected(let offset): throw IdentifierError(.unexpectedCharacter(in: text, atByteOffset: offset, expected: format().characters))
        }
    }

    /// Why reading stopped early.
    private enum Stop {
        case secondSeparator
        case unexpected(byteOffset: Int)
    }

    private static func read(_ bytes: UnsafeBufferPointer<UInt8>, separators: Separators) -> (DigitScan, Stop?) {
        var scan = DigitScan()
        for (offset, byte) in bytes.enumerated() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if scan.count < 18 {
                    scan.value = scan.value &* 10 &+ UInt64(byte &- UInt8(ascii: "0"))
                }
                scan.count += 1
            case UInt8(ascii: "-") where separators != .none, UInt8(ascii: "+") where separators == .hyphenOrPlus:
                guard scan.separator == nil else { return (scan, .secondSeparator) }
                scan.separator = byte
                scan.digitsBeforeSeparator = scan.count
            default:
                return (scan, .unexpected(byteOffset: offset))
            }
        }
        return (scan, nil)
    }

    /// Refuses an empty text and one over `inputLimit` bytes; every parser starts with it.
    static func checkLength(of text: String) throws(IdentifierError) {
        let length = text.utf8.count
        if length == 0 { throw IdentifierError(.empty) }
        if length > inputLimit { throw IdentifierError(.inputTooLong(limit: inputLimit)) }
    }
}
