import MLLP
import NIOCore
import Testing

@Suite("MLLP frame decoder, fuzzed")
struct MLLPFrameDecoderFuzzTests {
    /// Valid streams (frames with noise between them) cut at random points decode to exactly the frames sent.
    @Test(arguments: 0..<8)
    func validStreamsSplitAnywhereDecodeToTheFramesSent(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        for _ in 0..<50 {
            var stream: [UInt8] = []
            var expected: [MLLPInboundEvent] = []
            var noiseBytes = 0
            for _ in 0..<Int.random(in: 0...12, using: &random) {
                let noise = randomBytes(count: Int.random(in: 0...3, using: &random), avoiding: [0x0B], using: &random)
                // Noise right after a frame must not start with the CR that belongs to it.
                let kept = stream.isEmpty || noise.first != 0x0D ? noise : Array(noise.dropFirst())
                noiseBytes += kept.count
                let message = randomBytes(count: Int.random(in: 0...300, using: &random), avoiding: [0x1C], using: &random)
                stream += kept + framed(message)
                expected.append(.frame(bytes: message))
            }
            let events = try decodeEvents(randomChunks(of: stream, using: &random), maximumFrameBytes: 300)
            #expect(events.messages == expected)
            #expect(events.discardedByteCount == noiseBytes)
        }
    }

    /// Random bytes, rich in control bytes, never crash the decoder, never yield a frame over the limit, and
    /// decode the same whatever the read boundaries.
    @Test(arguments: 100..<108)
    func randomBytesDecodeTheSameHoweverTheyAreSplit(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        for _ in 0..<50 {
            let alphabet: [UInt8] = [0x0B, 0x1C, 0x0D, 0x41, 0x42, 0x7C, 0x00, 0xFF]
            let stream = (0..<Int.random(in: 0...2_000, using: &random)).map { _ in
                Bool.random(using: &random) ? alphabet.randomElement(using: &random)! : UInt8.random(in: 0...255, using: &random)
            }
            let limit = Int.random(in: 0...64, using: &random)
            let whole = try decodeEvents([stream], maximumFrameBytes: limit, oversizePrefixBytes: 8)
            let split = try decodeEvents(randomChunks(of: stream, using: &random), maximumFrameBytes: limit, oversizePrefixBytes: 8)
            #expect(split.messages == whole.messages)
            #expect(split.discardedByteCount == whole.discardedByteCount)
            for case .frame(let message) in whole {
                #expect(message.readableBytes <= limit)
            }
        }
    }
}

private func randomBytes(count: Int, avoiding excluded: Set<UInt8>, using random: inout SeededGenerator) -> [UInt8] {
    var bytes: [UInt8] = []
    while bytes.count < count {
        let byte = UInt8.random(in: 0...255, using: &random)
        if !excluded.contains(byte) {
            bytes.append(byte)
        }
    }
    return bytes
}

/// Cuts `bytes` into reads of 1 to 64 bytes, or sometimes into single bytes.
private func randomChunks(of bytes: [UInt8], using random: inout SeededGenerator) -> [[UInt8]] {
    let largest = Int.random(in: 0..<4, using: &random) == 0 ? 1 : 64
    var chunks: [[UInt8]] = []
    var start = 0
    while start < bytes.count {
        let end = min(bytes.count, start + Int.random(in: 1...largest, using: &random))
        chunks.append(Array(bytes[start..<end]))
        start = end
    }
    return chunks
}
