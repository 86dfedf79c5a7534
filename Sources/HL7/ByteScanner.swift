/// Finds the next of two given bytes, eight bytes at a time: the inner loop of the message indexer.
///
/// Each 64-bit word is compared with both bytes at once (SWAR: "SIMD within a register"). The zero-byte
/// test used is the exact form, without false positives, so every set bit of the returned masks is a match
/// and all matches in one word are handled from a single load.
struct ByteScanner {
    private static let lowSevenBits: UInt64 = 0x7F7F_7F7F_7F7F_7F7F

    let first: UInt64
    let second: UInt64

    init(_ first: UInt8, _ second: UInt8) {
        self.first = UInt64(first) &* 0x0101_0101_0101_0101
        self.second = UInt64(second) &* 0x0101_0101_0101_0101
    }

    /// The word at `pointer`, byte 0 in the low bits whatever the machine's byte order.
    @inline(__always)
    static func word(at pointer: UnsafePointer<UInt8>) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(pointer).loadUnaligned(as: UInt64.self))
    }

    /// Two masks with bit 7 of byte `i` set exactly where byte `i` of `word` equals the first byte and the second
    /// byte respectively. Byte 0 is the lowest-addressed byte (little-endian load). Kept apart, so a caller that
    /// treats the two differently (field separator, line end) need not load a matched byte again to tell.
    @inline(__always)
    func separateMatches(in word: UInt64) -> (first: UInt64, second: UInt64) {
        (Self.zeroBytes(word ^ first), Self.zeroBytes(word ^ second))
    }

    @inline(__always)
    private static func zeroBytes(_ word: UInt64) -> UInt64 {
        ~(((word & lowSevenBits) &+ lowSevenBits) | word | lowSevenBits)
    }
}
