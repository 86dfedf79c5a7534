import MLLP
import NIOCore
import NIOEmbedded

/// Feeds `chunks` to an ``MLLPFrameDecoder`` one read each, then ends the stream, and returns what came out.
func decodeEvents(
    _ chunks: [[UInt8]],
    maximumFrameBytes: Int = 1024,
    oversizePrefixBytes: Int = 16
) throws -> [MLLPInboundEvent] {
    let decoder = MLLPFrameDecoder(maximumFrameBytes: maximumFrameBytes, oversizePrefixBytes: oversizePrefixBytes)
    let channel = EmbeddedChannel(handler: ByteToMessageHandler(decoder))
    var events: [MLLPInboundEvent] = []
    for chunk in chunks {
        try channel.writeInbound(ByteBuffer(bytes: chunk))
        while let event: MLLPInboundEvent = try channel.readInbound() {
            events.append(event)
        }
    }
    channel.pipeline.fireUserInboundEventTriggered(ChannelEvent.inputClosed)
    while let event: MLLPInboundEvent = try channel.readInbound() {
        events.append(event)
    }
    _ = try channel.finish(acceptAlreadyClosed: true)
    return events
}

extension Array where Element == MLLPInboundEvent {
    /// The frames and oversize events, without the discard reports (whose split depends on the reads).
    var messages: [MLLPInboundEvent] {
        self.filter {
            if case .discarded = $0 { return false }
            return true
        }
    }

    var discardedByteCount: Int {
        self.reduce(0) {
            if case .discarded(let count) = $1 { return $0 + count }
            return $0
        }
    }
}
