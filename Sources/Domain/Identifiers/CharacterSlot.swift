/// What may stand at one position of a twelve-character identifier that mixes digits and letters
/// (national reservnummer, VGR's local reservnummer), and the error for anything else.
enum CharacterSlot {
    case digit
    /// A–Z without I, O, Q, V and W: the 21 letters of the national reservnummer.
    case letter
    case digitOrLetter
    /// VGR's K (woman), M (man) or X (unknown).
    case sexCode

    /// The ASCII bytes of `text`, with a single `-` at `hyphenAt` (if given) left out, after checking
    /// each against `pattern`. Throws for the first character that does not fit, then for a wrong length.
    static func read(_ text: String, pattern: [CharacterSlot], hyphenAt: Int?, format: IdentifierFormat) throws(IdentifierError) -> [UInt8] {
        try DigitScan.checkLength(of: text)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(pattern.count)
        var offset = 0
        for byte in text.utf8 {
            defer { offset += 1 }
            if byte == UInt8(ascii: "-"), offset == hyphenAt { continue }
            if bytes.count < pattern.count, !pattern[bytes.count].admits(byte) {
                throw IdentifierError(pattern[bytes.count].issue(in: text, atByteOffset: offset))
            }
            bytes.append(byte)
        }
        guard bytes.count == pattern.count else {
            throw IdentifierError(.wrongLength(format, found: text.count, unit: .characters))
        }
        return bytes
    }

    func admits(_ byte: UInt8) -> Bool {
        switch self {
        case .digit: byte.isASCIIDigit
        case .letter: Self.isLetter(byte)
        case .digitOrLetter: byte.isASCIIDigit || Self.isLetter(byte)
        case .sexCode: byte == UInt8(ascii: "K") || byte == UInt8(ascii: "M") || byte == UInt8(ascii: "X")
        }
    }

    private func issue(in text: String, atByteOffset offset: Int) -> IdentifierIssue {
        switch self {
        case .digit: .unexpectedCharacter(in: text, atByteOffset: offset, expected: IdentifierFormat.digitsOnly)
        case .letter: .invalidLetter(in: text, atByteOffset: offset, orDigit: false)
        case .digitOrLetter: .invalidLetter(in: text, atByteOffset: offset, orDigit: true)
        case .sexCode: .invalidSexCode(in: text, atByteOffset: offset)
        }
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "I"), UInt8(ascii: "O"), UInt8(ascii: "Q"), UInt8(ascii: "V"), UInt8(ascii: "W"): false
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): true
        default: false
        }
    }
}
