import CZlib

/// Raw deflate (RFC 1951) decompression with a hard cap on the output, for Deflated Explicit VR Little
/// Endian data sets (PS3.5 A.5: no zlib header, no checksum).
enum Inflater {
    /// How an inflate call ended.
    enum Outcome {
        /// The deflate stream ended; the output is the whole data set.
        case streamEnded
        /// The output reached the cap before the stream ended.
        case outputFull
        /// Every input byte was used and the stream has not ended.
        case inputExhausted
    }

    /// Inflates `input` from its start until the stream ends, the input runs out, or `limit` output bytes.
    /// Throws the zlib message when the stream is corrupt.
    static func inflate(_ input: UnsafeRawBufferPointer, limit: Int) throws(InflateError) -> (
        output: [UInt8], outcome: Outcome
    ) {
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        // zlib keeps a pointer back to the stream, so it lives at one address from init to end.
        defer {
            inflateEnd(stream)
            stream.deinitialize(count: 1)
            stream.deallocate()
        }
        guard inflateInit2_(stream, -MAX_WBITS, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw InflateError(reason: "zlib did not initialise")
        }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        var fed = 0
        while true {
            if stream.pointee.avail_in == 0, fed < input.count {
                let count = min(input.count - fed, Int(UInt32.max))
                stream.pointee.next_in = UnsafeMutablePointer(
                    mutating: input.baseAddress!.advanced(by: fed).assumingMemoryBound(to: Bytef.self))
                stream.pointee.avail_in = UInt32(count)
                fed += count
            }
            let room = min(chunk.count, limit - output.count)
            if room == 0 { return (output, .outputFull) }
            let status = chunk.withUnsafeMutableBytes { buffer in
                stream.pointee.next_out = buffer.baseAddress!.assumingMemoryBound(to: Bytef.self)
                stream.pointee.avail_out = UInt32(room)
                return CZlib.inflate(stream, Z_NO_FLUSH)
            }
            output.append(contentsOf: chunk[0..<(room - Int(stream.pointee.avail_out))])
            switch status {
            case Z_STREAM_END: return (output, .streamEnded)
            case Z_OK: continue
            case Z_BUF_ERROR where stream.pointee.avail_in == 0 && fed == input.count:
                return (output, .inputExhausted)
            default:
                let message = stream.pointee.msg.map { String(cString: $0) } ?? "zlib status \(status)"
                throw InflateError(reason: message)
            }
        }
    }
}

/// zlib's reason for refusing a deflate stream.
struct InflateError: Error {
    let reason: String
}
