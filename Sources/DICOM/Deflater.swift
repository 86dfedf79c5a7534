import CZlib

/// Raw deflate (RFC 1951) compression, for the writer's Deflated Explicit VR Little Endian output.
enum Deflater {
    static func deflate(_ input: [UInt8]) -> [UInt8] {
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        defer {
            deflateEnd(stream)
            stream.deinitialize(count: 1)
            stream.deallocate()
        }
        let status = deflateInit2_(
            stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY, zlibVersion(),
            Int32(MemoryLayout<z_stream>.size))
        precondition(status == Z_OK, "zlib deflateInit2 failed: \(status)")
        var output = [UInt8](repeating: 0, count: Int(deflateBound(stream, UInt(input.count))))
        var input = input
        let written = input.withUnsafeMutableBytes { source in
            output.withUnsafeMutableBytes { target in
                stream.pointee.next_in = source.baseAddress?.assumingMemoryBound(to: Bytef.self)
                stream.pointee.avail_in = UInt32(source.count)
                stream.pointee.next_out = target.baseAddress!.assumingMemoryBound(to: Bytef.self)
                stream.pointee.avail_out = UInt32(target.count)
                precondition(CZlib.deflate(stream, Z_FINISH) == Z_STREAM_END, "deflateBound was too small")
                return target.count - Int(stream.pointee.avail_out)
            }
        }
        return Array(output[0..<written])
    }
}
