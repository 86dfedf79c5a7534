import DICOM
import NIOCore

/// Splits an inbound byte stream into PDUs (PS3.8 9.3) and passes each up as an ``InboundPDU``.
///
/// ```
/// +------+----------+----------------------+------------------------------+
/// | type | reserved | length (UInt32, BE)  | length bytes                 |
/// +------+----------+----------------------+------------------------------+
/// ```
///
/// The length is checked from the header, before any of the body is buffered: a P-DATA-TF longer than the
/// ``maximumDataLength`` this side announced, or any other PDU longer than ``maximumControlLength``, is
/// ``InboundPDU/invalid(_:_:)`` at once, so a peer claiming 4 GB costs nothing. So is an unknown type. After
/// that the stream's PDU boundaries are lost, and every later byte is dropped. At most one PDU plus the
/// latest read is held.
struct PDUFrameDecoder: ByteToMessageDecoder {
    typealias InboundOut = InboundPDU

    /// A-ASSOCIATE-RQ and the short control PDUs are not bound by the maximum length, which applies to
    /// P-DATA-TF only (PS3.8 D.1); 64 KiB holds the 128 presentation contexts PS3.8 allows many times over.
    static let maximumControlLength = 1 << 16

    /// The largest P-DATA-TF variable field accepted: ``DICOMConfiguration/maximumPDULength``.
    let maximumDataLength: Int
    private var hasFailed = false

    init(maximumDataLength: Int) {
        self.maximumDataLength = maximumDataLength
    }

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) -> DecodingState {
        guard !self.hasFailed else {
            buffer.moveReaderIndex(to: buffer.writerIndex)
            return .needMoreData
        }
        guard let type = buffer.getInteger(at: buffer.readerIndex, as: UInt8.self),
            let length = buffer.getInteger(at: buffer.readerIndex + 2, as: UInt32.self)
        else { return .needMoreData }
        guard (0x01...0x07).contains(type) else {
            return self.fail(context: context, .unknownPDUType(type), .unrecognizedPDU)
        }
        let maximum = type == 0x04 ? self.maximumDataLength : Self.maximumControlLength
        guard Int(length) <= maximum else {
            return self.fail(context: context, .tooLong(length: length, maximum: maximum), .invalidPDUParameterValue)
        }
        guard buffer.readableBytes >= PDU.headerLength + Int(length) else { return .needMoreData }
        if type == 0x04 {
            buffer.moveReaderIndex(forwardBy: PDU.headerLength)
            let body = buffer.readSlice(length: Int(length))!
            context.fireChannelRead(Self.wrapInboundOut(.data(body)))
            return .continue
        }
        let whole = buffer.readSlice(length: PDU.headerLength + Int(length))!
        let decoded = whole.withUnsafeReadableBytes { bytes in
            Result { () throws(PDUDecodingError) in try PDUDecoder.decode(bytes) }
        }
        switch decoded {
        case .success(let pdu):
            context.fireChannelRead(Self.wrapInboundOut(.pdu(pdu)))
            return .continue
        case .failure(let error):
            return self.fail(context: context, error, .invalidPDUParameterValue)
        }
    }

    /// A PDU cut short by the end of the stream is dropped: the peer is gone, so there is no one to answer.
    mutating func decodeLast(
        context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool
    ) -> DecodingState {
        while case .continue = self.decode(context: context, buffer: &buffer) {}
        buffer.moveReaderIndex(to: buffer.writerIndex)
        return .needMoreData
    }

    private mutating func fail(
        context: ChannelHandlerContext, _ error: PDUDecodingError, _ abort: Abort
    ) -> DecodingState {
        self.hasFailed = true
        context.fireChannelRead(Self.wrapInboundOut(.invalid(error, abort)))
        return .needMoreData
    }
}
