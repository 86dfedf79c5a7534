/// Lower-case hexadecimal digits as ASCII bytes, for writing digests and escapes without Foundation.
public enum HexDigits {
    public static let lower: [UInt8] = Array("0123456789abcdef".utf8)

    /// `bytes` as lower-case hexadecimal text.
    public static func encode<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in bytes {
            out.append(lower[Int(byte >> 4)])
            out.append(lower[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Writes `bytes` as lower-case hexadecimal text over `out`, which must hold exactly twice as many bytes.
    static func write(_ bytes: UnsafeRawBufferPointer, over out: inout [UInt8]) {
        precondition(out.count == bytes.count * 2)
        lower.withUnsafeBufferPointer { lower in
            out.withUnsafeMutableBufferPointer { out in
                for (index, byte) in bytes.enumerated() {
                    out[2 * index] = lower[Int(byte >> 4)]
                    out[2 * index + 1] = lower[Int(byte & 0x0F)]
                }
            }
        }
    }
}
