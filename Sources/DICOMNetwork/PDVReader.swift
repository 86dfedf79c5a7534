import NIOCore

/// One presentation data value item of a P-DATA-TF (PS3.8 9.3.5.1, Annex E.2), its fragment still a slice of
/// the PDU's buffer.
///
/// ```
/// +---------------------+------------+----------------+-------------------------+
/// | item length (UInt32)| context ID | control header | fragment (length - 2)   |
/// +---------------------+------------+----------------+-------------------------+
/// control header: bit 0 = command (1) or data set (0), bit 1 = last fragment
/// ```
struct PDVFragment {
    let presentationContextID: UInt8
    let isCommand: Bool
    let isLastFragment: Bool
    var bytes: ByteBuffer
}

/// Splits a P-DATA-TF variable field into ``PDVFragment``s without copying. The `DICOM` target's
/// ``PDUDecoder`` does the same into arrays, which would copy every fragment on its way to the disk.
enum PDVReader {
    /// Why a P-DATA-TF's items cannot be read.
    struct Malformed: Error, CustomStringConvertible {
        let description: String
    }

    static func fragments(of body: ByteBuffer) throws(Malformed) -> [PDVFragment] {
        var body = body
        var fragments: [PDVFragment] = []
        while body.readableBytes > 0 {
            guard let length = body.readInteger(as: UInt32.self) else {
                throw Malformed(description: "P-DATA-TF ends inside a PDV item length")
            }
            guard length >= 2 else { throw Malformed(description: "PDV item length \(length) is less than 2") }
            guard Int(length) <= body.readableBytes else {
                throw Malformed(description: "PDV item of \(length) bytes runs past the P-DATA-TF's end")
            }
            let contextID = body.readInteger(as: UInt8.self)!
            let header = body.readInteger(as: UInt8.self)!
            fragments.append(
                PDVFragment(
                    presentationContextID: contextID, isCommand: header & 0x01 != 0,
                    isLastFragment: header & 0x02 != 0, bytes: body.readSlice(length: Int(length) - 2)!))
        }
        guard !fragments.isEmpty else { throw Malformed(description: "P-DATA-TF holds no PDV item") }
        return fragments
    }
}
