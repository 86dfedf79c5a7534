/// Finds the first byte that breaks UTF-8, so that a message claiming `UNICODE UTF-8` can be rejected with
/// the exact offset (the standard library only repairs, it does not say where).
enum UTF8Validation {
    /// Offset of the first byte of the first invalid sequence, or nil when all bytes are valid UTF-8.
    /// Rejects overlong forms, surrogates and code points above U+10FFFF, as RFC 3629 requires.
    static func firstInvalidOffset(in bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        let count = bytes.count
        var index = start
        while index < count {
            // Most text is ASCII: skip it 32 bytes at a time, then eight, straight to the first byte of 0x80
            // or more.
            if index + 32 <= count {
                let pointer = base + index
                let any =
                    ByteScanner.word(at: pointer) | ByteScanner.word(at: pointer + 8)
                    | ByteScanner.word(at: pointer + 16) | ByteScanner.word(at: pointer + 24)
                if any & 0x8080_8080_8080_8080 == 0 {
                    index += 32
                    continue
                }
            }
            if index + 8 <= count {
                let high = ByteScanner.word(at: base + index) & 0x8080_8080_8080_8080
                index += high.trailingZeroBitCount >> 3
                if high == 0 { continue }
            }
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0:
                length = 3
                lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED:
                length = 3
                upper = 0x9F
            case 0xF0:
                length = 4
                lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4:
                length = 4
                upper = 0x8F
            default: return index
            }
            guard index + length <= count else { return index }
            let second = bytes[index + 1]
            guard second >= lower && second <= upper else { return index }
            for offset in 2..<length where bytes[index + offset] & 0xC0 != 0x80 {
                return index
            }
            index += length
        }
        return nil
    }
}
