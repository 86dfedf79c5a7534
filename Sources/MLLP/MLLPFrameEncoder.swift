import NIOCore

/// Wraps each outgoing message (an ACK) in the MLLP block: `0x0B` message `0x1C 0x0D`.
public struct MLLPFrameEncoder: MessageToByteEncoder, Sendable {
    public typealias OutboundIn = ByteBuffer

    public init() {}

    public func encode(data: ByteBuffer, out: inout ByteBuffer) throws {
        out.reserveCapacity(data.readableBytes + 3)
        out.writeInteger(MLLPFraming.startBlock)
        out.writeImmutableBuffer(data)
        out.writeInteger(MLLPFraming.endBlock)
        out.writeInteger(MLLPFraming.trailer)
    }
}
