import DICOM
import NIOCore

/// What ``PDUFrameDecoder`` passes up the pipeline: one PDU, or why the stream cannot be read further.
enum InboundPDU: Sendable {
    /// Any PDU but P-DATA-TF, decoded by the `DICOM` target's ``PDUDecoder``.
    case pdu(PDU)
    /// A P-DATA-TF's variable field: its presentation data value items, not yet split (``PDVReader``).
    /// Kept as a buffer so fragments reach the disk without a copy.
    case data(ByteBuffer)
    /// The stream broke the PDU rules; the decoder reads nothing more. The abort to answer with comes along.
    case invalid(PDUDecodingError, Abort)
}
