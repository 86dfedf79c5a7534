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

    @Test func validatorSkipsLongASCIIRunsCorrectly() {
        for position in 0..<80 {
            var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 80)
            bytes[position] = 0xC3
            let found = bytes.withUnsafeBufferPointer { UTF8Validation.firstInvalidOffset(in: $0) }
            #expect(found == position)
        }
    }
}
