import NIOCore

/// Splits an inbound byte stream into MLLP frames (``MLLPFraming``) and passes each up as an ``MLLPInboundEvent``.
///
/// Rules, in the order a stream meets them:
/// - Bytes before a start block are dropped and reported as ``MLLPInboundEvent/discarded(byteCount:)``.
/// - A frame ends at the first `0x1C`. The `0x0D` that should follow is consumed. When another byte follows
///   instead, the frame is still delivered and that byte counts as data after the frame (dropped, unless it is
///   the next start block). This leniency is deliberate: a sender that omits the CR and then waits for its ACK
///   would otherwise wait forever, and `0x1C` never occurs inside an HL7 v2 message.
/// - A `0x0B` inside a frame is message data; only the end block closes a frame.
/// - A frame whose message bytes exceed ``maximumFrameBytes`` is not kept. The decoder copies its first
///   ``oversizePrefixBytes``, drops the rest as it arrives, and reports
///   ``MLLPInboundEvent/oversize(prefix:length:)`` when the end block comes. So at most
///   `maximumFrameBytes + 1` bytes of one frame, plus the latest read, are ever held.
/// - At end of stream an unfinished frame is dropped and reported as discarded.
///
/// The scan for the end block resumes where the previous read stopped, so a frame split over many reads is
/// searched once.
public struct MLLPFrameDecoder: ByteToMessageDecoder {
    public typealias InboundOut = MLLPInboundEvent

    /// 10 MiB: the limit the integration profile sets; larger messages (embedded PDFs) are answered with AR.
    public static let defaultMaximumFrameBytes = 10 * 1024 * 1024
    /// 64 KiB: far more than an MSH segment needs, so the AR can echo the control ID.
    public static let defaultOversizePrefixBytes = 64 * 1024

    /// The largest message (bytes between the framing bytes) delivered as a frame.
    public let maximumFrameBytes: Int
    /// How many leading bytes of an oversize frame are kept for the answer.
    public let oversizePrefixBytes: Int

    private var state: State = .awaitingStartBlock

    private enum State {
        /// Dropping bytes until a start block.
        case awaitingStartBlock
        /// Inside a frame. The reader index is just past the start block; the first `scannedBytes` message bytes
        /// hold no end block.
        case readingFrame(scannedBytes: Int)
        /// Inside a frame over the limit: only `prefix` is kept; `length` message bytes were seen so far.
        case skippingOversizeFrame(prefix: ByteBuffer, length: Int)
        /// Just past an end block, where the trailing CR belongs.
        case awaitingTrailer
    }

    public init(
        maximumFrameBytes: Int = MLLPFrameDecoder.defaultMaximumFrameBytes,
        oversizePrefixBytes: Int = MLLPFrameDecoder.defaultOversizePrefixBytes
    ) {
        precondition(maximumFrameBytes >= 0, "maximumFrameBytes must not be negative")
        precondition(oversizePrefixBytes >= 0, "oversizePrefixBytes must not be negative")
        self.maximumFrameBytes = maximumFrameBytes
        self.oversizePrefixBytes = oversizePrefixBytes
    }

    public mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        switch self.state {
        case .awaitingStartBlock:
            return self.skipToStartBlock(context: context, buffer: &buffer)
        case .readingFrame(let scannedBytes):
            return self.readFrame(context: context, buffer: &buffer, scannedBytes: scannedBytes)
        case .skippingOversizeFrame(let prefix, let length):
            return self.skipOversizeFrame(context: context, buffer: &buffer, prefix: prefix, length: length)
        case .awaitingTrailer:
            guard let next = buffer.getInteger(at: buffer.readerIndex, as: UInt8.self) else { return .needMoreData }
            if next == MLLPFraming.trailer {
                buffer.moveReaderIndex(forwardBy: 1)
            }
            self.state = .awaitingStartBlock
            return .continue
        }
    }

    public mutating func decodeLast(
        context: ChannelHandlerContext,
        buffer: inout ByteBuffer,
        seenEOF: Bool
    ) throws -> DecodingState {
        while try self.decode(context: context, buffer: &buffer) == .continue {}
        let unfinished: Int
        switch self.state {
        case .readingFrame:
            unfinished = 1 + buffer.readableBytes
        case .skippingOversizeFrame(_, let length):
            unfinished = 1 + length + buffer.readableBytes
        case .awaitingStartBlock, .awaitingTrailer:
            unfinished = buffer.readableBytes
        }
        buffer.moveReaderIndex(to: buffer.writerIndex)
        self.state = .awaitingStartBlock
        if unfinished > 0 {
            context.fireChannelRead(Self.wrapInboundOut(.discarded(byteCount: unfinished)))
        }
        return .needMoreData
    }

    private mutating func skipToStartBlock(context: ChannelHandlerContext, buffer: inout ByteBuffer) -> DecodingState {
        let readable = buffer.readableBytes
        guard readable > 0 else { return .needMoreData }
        let start = Self.offset(of: MLLPFraming.startBlock, in: buffer, from: 0, upTo: readable)
        let dropped = start ?? readable
        buffer.moveReaderIndex(forwardBy: start.map { $0 + 1 } ?? readable)
        if start != nil {
            self.state = .readingFrame(scannedBytes: 0)
        }
        if dropped > 0 {
            context.fireChannelRead(Self.wrapInboundOut(.discarded(byteCount: dropped)))
        }
        return start == nil ? .needMoreData : .continue
    }

    private mutating func readFrame(
        context: ChannelHandlerContext,
        buffer: inout ByteBuffer,
        scannedBytes: Int
    ) -> DecodingState {
        // One byte past the limit is enough to know the frame is too long.
        let window = min(buffer.readableBytes, self.maximumFrameBytes + 1)
        if let end = Self.offset(of: MLLPFraming.endBlock, in: buffer, from: scannedBytes, upTo: window) {
            let message = buffer.readSlice(length: end)!
            buffer.moveReaderIndex(forwardBy: 1)
            self.state = .awaitingTrailer
            context.fireChannelRead(Self.wrapInboundOut(.frame(message)))
            return .continue
        }
        guard window > self.maximumFrameBytes else {
            self.state = .readingFrame(scannedBytes: window)
            return .needMoreData
        }
        // Copied, so the kept prefix does not pin the large cumulation buffer.
        let kept = min(self.oversizePrefixBytes, window)
        var prefix = context.channel.allocator.buffer(capacity: kept)
        prefix.writeImmutableBuffer(buffer.getSlice(at: buffer.readerIndex, length: kept)!)
        buffer.moveReaderIndex(forwardBy: window)
        self.state = .skippingOversizeFrame(prefix: prefix, length: window)
        return .continue
    }

    private mutating func skipOversizeFrame(
        context: ChannelHandlerContext,
        buffer: inout ByteBuffer,
        prefix: ByteBuffer,
        length: Int
    ) -> DecodingState {
        let readable = buffer.readableBytes
        guard let end = Self.offset(of: MLLPFraming.endBlock, in: buffer, from: 0, upTo: readable) else {
            buffer.moveReaderIndex(forwardBy: readable)
            self.state = .skippingOversizeFrame(prefix: prefix, length: length + readable)
            return .needMoreData
        }
        buffer.moveReaderIndex(forwardBy: end + 1)
        self.state = .awaitingTrailer
        context.fireChannelRead(Self.wrapInboundOut(.oversize(prefix: prefix, length: length + end)))
        return .continue
    }

    /// The offset of `byte` among the readable bytes in `from..<upTo`, counted from the reader index.
    private static func offset(of byte: UInt8, in buffer: ByteBuffer, from: Int, upTo: Int) -> Int? {
        guard from < upTo else { return nil }
        return buffer.withUnsafeReadableBytes { bytes in
            bytes[from..<upTo].firstIndex(of: byte)
        }
    }
}
