import MLLP
import NIOCore
import NIOEmbedded
import Testing

@Suite("MLLP frame decoder")
struct MLLPFrameDecoderTests {
    @Test func oneFrame() throws {
        let events = try decodeEvents([framed("MSH|^~\\&|A\rPID|1\r")])
        #expect(events == [.frame("MSH|^~\\&|A\rPID|1\r")])
    }

    @Test func severalFramesInOneRead() throws {
        let events = try decodeEvents([framed("one") + framed("two") + framed("three")])
        #expect(events == [.frame("one"), .frame("two"), .frame("three")])
    }

    @Test func frameSplitByteByByte() throws {
        let stream = framed("MSH|first") + framed("MSH|second")
        let events = try decodeEvents(stream.map { [$0] })
        #expect(events == [.frame("MSH|first"), .frame("MSH|second")])
    }

    @Test func garbageBeforeStartBlockIsDiscardedAndCounted() throws {
        let events = try decodeEvents([Array("noise\r\n".utf8) + framed("MSH|a")])
        #expect(events == [.discarded(byteCount: 7), .frame("MSH|a")])
    }

    @Test func garbageBetweenFramesIsDiscarded() throws {
        let events = try decodeEvents([framed("a") + [0x0A, 0x0A] + framed("b")])
        #expect(events == [.frame("a"), .discarded(byteCount: 2), .frame("b")])
    }

    @Test func endBlockWithoutCarriageReturnStillEndsTheFrame() throws {
        let stream: [UInt8] = [0x0B] + Array("a".utf8) + [0x1C] + [0x0B] + Array("b".utf8) + [0x1C]
        let events = try decodeEvents([stream])
        #expect(events == [.frame("a"), .frame("b")])
    }

    @Test func byteOtherThanCarriageReturnAfterEndBlockIsDiscarded() throws {
        let stream: [UInt8] = [0x0B, 0x61, 0x1C, 0x0A] + framed("b")
        let events = try decodeEvents([stream])
        #expect(events == [.frame("a"), .discarded(byteCount: 1), .frame("b")])
    }

    @Test func trailerArrivingInALaterReadIsConsumed() throws {
        let events = try decodeEvents([[0x0B, 0x61, 0x1C], [0x0D], framed("b")])
        #expect(events == [.frame("a"), .frame("b")])
    }

    @Test func startBlockInsideAFrameIsData() throws {
        let events = try decodeEvents([framed([0x61, 0x0B, 0x62])])
        #expect(events == [.frame(bytes: [0x61, 0x0B, 0x62])])
    }

    @Test func emptyFrame() throws {
        let events = try decodeEvents([[0x0B, 0x1C, 0x0D]])
        #expect(events == [.frame("")])
    }

    @Test func frameExactlyAtTheLimitPasses() throws {
        let message = [UInt8](repeating: 0x41, count: 100)
        let events = try decodeEvents([framed(message)], maximumFrameBytes: 100)
        #expect(events == [.frame(bytes: message)])
    }

    @Test func oneByteOverTheLimitIsOversize() throws {
        let message = Array("MSH|".utf8) + [UInt8](repeating: 0x41, count: 97)
        let events = try decodeEvents([framed(message) + framed("next")], maximumFrameBytes: 100, oversizePrefixBytes: 8)
        #expect(events == [.oversize(prefix: ByteBuffer(string: "MSH|AAAA"), length: 101), .frame("next")])
    }

    @Test func oversizeFrameArrivingInSmallReads() throws {
        let stream = framed([UInt8](repeating: 0x41, count: 5_000))
        let chunks = stride(from: 0, to: stream.count, by: 333).map { Array(stream[$0..<min($0 + 333, stream.count)]) }
        let events = try decodeEvents(chunks, maximumFrameBytes: 1_000, oversizePrefixBytes: 4)
        #expect(events == [.oversize(prefix: ByteBuffer(string: "AAAA"), length: 5_000)])
    }

    @Test func unfinishedFrameAtEndOfStreamIsDiscarded() throws {
        let events = try decodeEvents([framed("a") + [0x0B] + Array("partial".utf8)])
        #expect(events == [.frame("a"), .discarded(byteCount: 8)])
    }

    /// The decoder must give bytes back to the cumulation buffer as it goes: after every read it holds at most
    /// `maximumFrameBytes` unconsumed bytes, whatever the size of the frame.
    @Test func memoryStaysBoundedForAHugeFrame() throws {
        let channel = EmbeddedChannel()
        try channel.pipeline.syncOperations.addHandler(PassThrough(), name: "front")
        let context = try channel.pipeline.syncOperations.context(name: "front")
        var decoder = MLLPFrameDecoder(maximumFrameBytes: 10_000, oversizePrefixBytes: 16)
        var cumulation = ByteBuffer(bytes: [0x0B])
        let chunk = [UInt8](repeating: 0x41, count: 4_096)
        for _ in 0..<1_000 {
            cumulation.writeBytes(chunk)
            while try decoder.decode(context: context, buffer: &cumulation) == .continue {}
            #expect(cumulation.readableBytes <= 10_000)
            cumulation.discardReadBytes()
        }
        cumulation.writeBytes([0x1C, 0x0D])
        while try decoder.decode(context: context, buffer: &cumulation) == .continue {}
        let event: MLLPInboundEvent? = try channel.readInbound()
        #expect(event == .oversize(prefix: ByteBuffer(bytes: chunk.prefix(16)), length: 4_096_000))
    }

    @Test func encoderWrapsTheMessage() throws {
        let channel = EmbeddedChannel(handler: MessageToByteHandler(MLLPFrameEncoder()))
        try channel.writeOutbound(ByteBuffer(string: "MSA|AA|1"))
        let written: ByteBuffer? = try channel.readOutbound()
        #expect(written.map { Array($0.readableBytesView) } == framed("MSA|AA|1"))
    }
}

/// Gives the memory test a context to call the decoder with; decoded events pass to the channel's inbound.
private final class PassThrough: ChannelInboundHandler {
    typealias InboundIn = MLLPInboundEvent
}
