import Testing

@testable import HL7

/// Fuzz and property tests: every input must give a message or an ``HL7Error``, never a trap or a hang.
/// Iterations are bounded and the generator seeded, so the suite is fast and the same on every run.
@Suite struct RobustnessTests {
    private static let seeds: [UInt64] = [1, 2, 3, 4]

    /// Parses, then reads everything a caller could read, checking the invariants that must always hold.
    private func exercise(_ bytes: [UInt8]) {
        for validation in [Message.CharacterSetValidation.strict, .lenient] {
            do {
                let message = try Message(bytes: bytes, characterSetValidation: validation)
                #expect(message.encoded() == bytes)
                for segment in message.segments {
                    #expect(segment.id.utf8.count == 3)
                    for field in segment.fields {
                        #expect(field.byteRange.upperBound <= bytes.count)
                        for repetition in field.children {
                            _ = repetition.text
                            for component in repetition.children {
                                _ = component.children.map(\.text)
                            }
                        }
                    }
                }
                _ = message.escapeIssues()
                _ = message.patientIdentifiers
                _ = (message.messageType, message.controlID, message.sendingApplication, message.characterSet)
                _ = message.value(at: "PID-3[2].4.2")
            } catch {
                #expect(error.position.map { $0.byteOffset <= bytes.count } ?? true)
                #expect(!error.description.isEmpty)
            }
        }
        let split = MessageSplitter.split(bytes)
        var previousEnd = 0
        for range in split.messageRanges {
            #expect(range.lowerBound >= previousEnd && range.upperBound <= bytes.count)
            previousEnd = range.upperBound
        }
    }

    @Test(arguments: seeds)
    func randomBytes(seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        let alphabet = Array("MSH|^~\\&\r\nPIDXF0123456789.ABCåö".utf8) + [0x0B, 0x1C, 0x00, 0xFF, 0xC3, 0xE5]
        for _ in 0..<500 {
            let count = Int.random(in: 0...200, using: &generator)
            var bytes = (0..<count).map { _ in
                Bool.random(using: &generator)
                    ? alphabet.randomElement(using: &generator)! : UInt8.random(in: 0...255, using: &generator)
            }
            if Bool.random(using: &generator) { bytes = Array("MSH|^~\\&|".utf8) + bytes }
            exercise(bytes)
        }
    }

    @Test(arguments: seeds)
    func mutatedValidMessages(seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        let originals = [Array(Fixtures.admit.utf8), Fixtures.admitLatin1Bytes, Array(Fixtures.report.utf8)]
        let inserts = ["|", "^", "~", "\\", "&", "\r", "\n", "\rMSH", "\rMSH|", "\\X", "\\F\\", "\u{0B}"].map {
            Array($0.utf8)
        }
        for _ in 0..<400 {
            var bytes = originals.randomElement(using: &generator)!
            for _ in 0..<Int.random(in: 1...4, using: &generator) where !bytes.isEmpty {
                let at = Int.random(in: 0..<bytes.count, using: &generator)
                switch Int.random(in: 0..<4, using: &generator) {
                case 0: bytes.removeSubrange(at...)
                case 1: bytes[at] ^= UInt8(1) << UInt8.random(in: 0...7, using: &generator)
                case 2: bytes.insert(contentsOf: inserts.randomElement(using: &generator)!, at: at)
                default: bytes.remove(at: at)
                }
            }
            exercise(bytes)
        }
    }

    @Test(arguments: seeds)
    func wrongEncodingCharacters(seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        let body = Array(Fixtures.admit.utf8)[8...]
        for _ in 0..<300 {
            let header = (0..<Int.random(in: 0...6, using: &generator)).map { _ in
                UInt8.random(in: 0...127, using: &generator)
            }
            exercise(Array("MSH".utf8) + header + body)
        }
    }

    @Test(arguments: seeds)
    func nestedAndBrokenEscapes(seed: UInt64) throws {
        var generator = SeededGenerator(seed: seed)
        let alphabet = Array("\\\\\\FSTREXHN.brsp0123456789ABCDEFaZCM^&~ ".utf8)
        for _ in 0..<400 {
            let value = (0..<Int.random(in: 0...40, using: &generator)).map { _ in
                alphabet.randomElement(using: &generator)!
            }
            let bytes = Array("MSH|^~\\&|||||||||||||||UNICODE UTF-8\rOBX|1|TX|||".utf8) + value + [0x0D]
            let message = try Message(bytes: bytes)
            _ = message.value(at: "OBX-5")
            _ = message.components(at: "OBX-5")
            for issue in message.escapeIssues() {
                #expect(issue.position.segmentNumber == 2)
                #expect(issue.position.field == 5)
            }
        }
    }

    @Test(arguments: seeds)
    func invalidBytesWhereMSH18ClaimsUTF8(seed: UInt64) throws {
        var generator = SeededGenerator(seed: seed)
        let original = Array(Fixtures.admit.utf8)
        let headerEnd = original.firstIndex(of: 0x0D)!
        let fieldStarts = original.indices.filter { $0 > headerEnd && original[$0] == UInt8(ascii: "|") }.map { $0 + 1 }
        for _ in 0..<300 {
            var bytes = original
            let at = fieldStarts.randomElement(using: &generator)! + Int.random(in: 0...2, using: &generator)
            bytes.insert(UInt8.random(in: 0x80...0xFF, using: &generator), at: at)

            // A byte of 0x80 or more never fits into the ASCII or UTF-8 around it.
            #expect {
                try Message(bytes: bytes)
            } throws: { error in
                guard case .invalidUTF8(let position) = error as? HL7Error else { return false }
                return (at - 3...at + 1).contains(position.byteOffset) && position.field != nil
            }
            #expect(try Message(bytes: bytes, characterSetValidation: .lenient).segments.count == 5)
        }
    }

    @Test func fiveMegabyteSegment() throws {
        let chunk = Array("Lång rad med text \\F\\ och \\.br\\ samt \\X41\\ ".utf8)
        var value: [UInt8] = []
        value.reserveCapacity(5_000_000 + chunk.count)
        while value.count < 5_000_000 { value += chunk }
        let bytes =
            Array("MSH|^~\\&|||||||ORU^R01|1|P|2.5.1|||||SWE|UNICODE UTF-8\rOBX|1|TX|||".utf8) + value
            + Array("||||||F\rOBX|2\r".utf8)

        let message = try Message(bytes: bytes)
        #expect(message.segments.count == 3)
        #expect(message.rawValue(at: "OBX-5")?.count == value.count)
        let text = try #require(message.value(at: "OBX-5"))
        #expect(text.hasPrefix("Lång rad med text | och \\.br\\ samt A "))
        #expect(message.value(at: "OBX-11") == "F")
        #expect(message.escapeIssues().count <= 1)
        #expect(MessageSplitter.split(bytes).messageRanges == [0..<bytes.count])
    }

    @Test func fiveMegabyteSegmentWithoutSeparators() throws {
        let bytes = Array("MSH|^~\\&\rNTE".utf8) + [UInt8](repeating: UInt8(ascii: "x"), count: 5_000_000)
        #expect(throws: HL7Error.self) { try Message(bytes: bytes) }
    }
}
