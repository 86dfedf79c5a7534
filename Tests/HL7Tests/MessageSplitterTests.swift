import Testing

@testable import HL7

@Suite struct MessageSplitterTests {
    private func texts(_ input: String) -> [String] {
        let bytes = Array(input.utf8)
        return MessageSplitter.split(bytes).messageRanges.map { String(decoding: bytes[$0], as: UTF8.self) }
    }

    @Test func splitsOnMSHAtLineStart() {
        #expect(texts("MSH|1\rPID|1\rMSH|2\rPID|2\r") == ["MSH|1\rPID|1\r", "MSH|2\rPID|2\r"])
        #expect(texts("MSH|1\nPID|1\nMSH|2\n") == ["MSH|1\nPID|1\n", "MSH|2\n"])
        #expect(texts("MSH|1\r\nPID|1\r\n\r\nMSH|2\r\nPID|2") == ["MSH|1\r\nPID|1\r\n", "MSH|2\r\nPID|2"])
        #expect(texts("MSH|1\rPID|1\r\nMSH|2\r\n\n\n") == ["MSH|1\rPID|1\r\n", "MSH|2\r\n"])
    }

    @Test func doesNotSplitOnMSHInsideALine() {
        #expect(texts("MSH|1\rOBX|1|TX|||se MSH|x\r") == ["MSH|1\rOBX|1|TX|||se MSH|x\r"])
    }

    @Test func stripsMLLPFraming() {
        let framed = "\u{0B}MSH|1\rPID|1\r\u{1C}\r\u{0B}MSH|2\rPID|2\r\u{1C}\r"
        #expect(texts(framed) == ["MSH|1\rPID|1\r", "MSH|2\rPID|2\r"])
        #expect(texts("\u{0B}MSH|1\u{1C}\r") == ["MSH|1"])
    }

    @Test func reportsBytesBeforeTheFirstMessage() {
        let split = MessageSplitter.split(Array("junk\rMSH|1\r".utf8))
        #expect(split.skippedRanges == [0..<4])
        #expect(split.messageRanges == [5..<11])

        #expect(MessageSplitter.split(Array(" \r\n\u{0B}MSH|1".utf8)).skippedRanges.isEmpty)
        #expect(
            MessageSplitter.split(Array("no message here".utf8))
                == MessageSplit(messageRanges: [], skippedRanges: [0..<15]))
        #expect(MessageSplitter.split([]) == MessageSplit(messageRanges: [], skippedRanges: []))
    }

    @Test func eachPieceParses() throws {
        let file = (0..<50).map { number in
            Fixtures.admit.replacingFirst("MSG00001", with: "MSG\(number)") + (number % 3 == 0 ? "\n" : "")
        }.joined()
        let bytes = Array(file.utf8)
        let ranges = MessageSplitter.split(bytes).messageRanges

        #expect(ranges.count == 50)
        for (number, range) in ranges.enumerated() {
            #expect(try Message(bytes: Array(bytes[range])).controlID == "MSG\(number)")
        }
    }

    @Test func longRunsWithoutLineEndsAreScannedCorrectly() {
        let filler = String(repeating: "abcdefgh", count: 100)
        let input = "MSH|1|" + filler + "\rMSH|2|" + filler + "x\nMSH|3"
        #expect(texts(input).map { $0.prefix(5) } == ["MSH|1", "MSH|2", "MSH|3"])
    }
}
