import NIOCore

/// What ``MLLPFrameDecoder`` passes up the pipeline.
public enum MLLPInboundEvent: Sendable, Equatable {
    /// The bytes between the start block and the end block, without the framing bytes. May be empty.
    case frame(ByteBuffer)
    /// A frame longer than the maximum. Reported once its end block arrives, so the sender is listening
    /// for the answer by then.
    ///
    /// - Parameters:
    ///   - prefix: The first bytes of the frame (a copy, at most the decoder's prefix limit), so the caller can
    ///     still read MSH and answer AR.
    ///   - length: The whole length of the frame's message bytes.
    case oversize(prefix: ByteBuffer, length: Int)
    /// Bytes that were not inside a frame and were dropped: data before a start block, or an unfinished frame
    /// when the peer closed. Reported at most once per read, for the statistics.
    case discarded(byteCount: Int)
}
