import Testing

@testable import HL7

/// The word-at-a-time scanners against plain byte loops on random input.
@Suite struct ScannerTests {
    @Test(arguments: [UInt64(11), 12, 13])
    func indexMatchesAByteLoop(seed: UInt64) throws {
        var generator = SeededGenerator(seed: seed)
        let alphabet = Array("|^\rPIDAB\n".utf8) + [0x7C | 0x80, 0x0D | 0x80, 0xFF, 0x00, 0x8D]
        for _ in 0..<300 {
            let body = (0..<Int.random(in: 0...90, using: &generator)).map { _ in
                alphabet.randomElement(using: &generator)!
            }
            let bytes = Array("MSH|^~\\&|A\r".utf8) + body
            guard let message = try? Message(bytes: bytes, characterSetValidation: .lenient) else { continue }
            let expected = bytes.indices.filter { bytes[$0] == UInt8(ascii: "|") }.map { UInt32($0) }
            #expect(message.index.separators == expected)
            let lineEnds = bytes.indices.filter { bytes[$0] == 0x0D || bytes[$0] == 0x0A }
            #expect(message.index.segments.allSatisfy { $0.end == bytes.count || lineEnds.contains($0.end) })
        }
    }

    @Test(arguments: [UInt64(21), 22])
    func splitterFindsEveryLineStartingMSH(seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        let pieces = ["MSH|", "\r", "\n", "\u{0B}", "\u{1C}", "PID|1", "xMSH", "åäö", "abcdefghijklmnop"].map {
            Array($0.utf8)
        }
        for _ in 0..<300 {
            let bytes = (0..<Int.random(in: 0...30, using: &generator)).flatMap { _ in
                pieces.randomElement(using: &generator)!
            }
            let expected = bytes.indices.filter { offset in
                let isLineStart = offset == 0 || [0x0D, 0x0A, 0x0B, 0x1C].contains(bytes[offset - 1])
                return isLineStart && bytes[offset...].starts(with: "MSH".utf8)
            }
            #expect(MessageSplitter.split(bytes).messageRanges.map(\.lowerBound) == expected)
        }
    }

    /// The word-at-a-time validator (ASCII, then runs of two-byte sequences) against a character-at-a-time one, on
    /// random mixes of ASCII, two-byte sequences, their broken forms and longer sequences.
    @Test(arguments: [UInt64(21), 22, 23])
    func validatorMatchesACharacterLoop(seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        let pieces: [[UInt8]] = [
            Array("a".utf8), Array("PID|".utf8), Array("å".utf8), Array("ö".utf8), Array("é".utf8), [0xC2, 0x80], [0xDF, 0xBF],
            Array("€".utf8), Array("𝄞".utf8), [0xC3], [0xA5], [0xC0, 0x80], [0xC1, 0xBF], [0xC3, 0xC3], [0xE2, 0x82],
            [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xFF], [0x80, 0x80],
        ]
        for _ in 0..<3000 {
            let validOnly = Bool.random(using: &generator)
            let bytes = (0..<Int.random(in: 0...40, using: &generator)).flatMap { _ in
                pieces[Int.random(in: 0..<(validOnly ? 9 : pieces.count), using: &generator)]
            }
            let found = bytes.withUnsafeBufferPointer { UTF8Validation.firstInvalidOffset(in: $0) }
            #expect(found == Self.firstInvalidByCharacter(bytes), "\(bytes)")
        }
    }

    /// RFC 3629, one character at a time.
    static func firstInvalidByCharacter(_ bytes: [UInt8]) -> Int? {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let (length, lower, upper): (Int, UInt8, UInt8) = switch lead {
            case 0x00...0x7F: (1, 0x80, 0xBF)
            case 0xC2...0xDF: (2, 0x80, 0xBF)
            case 0xE0: (3, 0xA0, 0xBF)
            case 0xE1...0xEC, 0xEE...0xEF: (3, 0x80, 0xBF)
            case 0xED: (3, 0x80, 0x9F)
            case 0xF0: (4, 0x90, 0xBF)
            case 0xF1...0xF3: (4, 0x80, 0xBF)
            case 0xF4: (4, 0x80, 0x8F)
            default: (0, 0, 0)
            }
            guard length > 0, index + length <= bytes.count else { return index }
            if length > 1 {
                guard (lower...upper).contains(bytes[index + 1]) else { return index }
                for offset in 2..<length where bytes[index + offset] & 0xC0 != 0x80 { return index }
            }
            index += length
        }
        return nil
    }

    @Test func validatorSkipsLongASCIIRunsCorrectly() {
        for position in 0..<80 {
            var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 80)
            bytes[position] = 0xC3
            let found = bytes.withUnsafeBufferPointer { UTF8Validation.firstInvalidOffset(in: $0) }
            #expect(found == position)
        }
    }
}
