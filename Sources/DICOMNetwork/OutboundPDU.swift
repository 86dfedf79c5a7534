import DICOM
import NIOCore

/// The bytes this side sends: control PDUs through the `DICOM` target's ``PDUEncoder``, and DIMSE command
/// sets as P-DATA-TFs that fit the peer's maximum length.
enum OutboundPDU {
    static func bytes(of pdu: PDU, allocator: ByteBufferAllocator) -> ByteBuffer {
        allocator.buffer(bytes: PDUEncoder.encode(pdu))
    }

    /// `command` as P-DATA-TFs of one PDV each, every PDU's variable field at most `peerMaximumLength`
    /// bytes (0: no limit). Each PDV has 6 bytes of header, so a fragment carries `peerMaximumLength - 6`.
    static func command(
        _ command: [UInt8], contextID: UInt8, peerMaximumLength: UInt32, allocator: ByteBufferAllocator
    ) -> ByteBuffer {
        let fragmentLength = peerMaximumLength == 0 ? command.count : max(1, Int(peerMaximumLength) - 6)
        var out = allocator.buffer(capacity: command.count + 12 * (command.count / fragmentLength + 1))
        var start = 0
        repeat {
            let end = min(command.count, start + fragmentLength)
            let isLast = end == command.count
            out.writeInteger(UInt8(0x04))
            out.writeInteger(UInt8(0))
            out.writeInteger(UInt32(6 + end - start))
            out.writeInteger(UInt32(2 + end - start))
            out.writeInteger(contextID)
            out.writeInteger(UInt8(isLast ? 0x03 : 0x01))
            out.writeBytes(command[start..<end])
            start = end
        } while start < command.count
        return out
    }
}
