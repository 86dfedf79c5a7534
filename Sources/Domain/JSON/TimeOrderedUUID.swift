import Foundation

/// UUIDs of version 7 (RFC 9562): the first 48 bits are the Unix time in milliseconds, the rest random. Rows whose
/// ids are made in order land next to each other in the id's index, so a batch of HL7 messages changes one leaf
/// page of it instead of one page per message: with random ids, eight messages dirtied eight pages, each written
/// to the write-ahead log and checkpointed again (BENCHMARKS.md, MLLP end to end).
public enum TimeOrderedUUID {
    public static func make(at time: Date) -> UUID {
        var generator = SystemRandomNumberGenerator()
        return make(at: time, using: &generator)
    }

    public static func make(at time: Date, using random: inout some RandomNumberGenerator) -> UUID {
        let milliseconds = UInt64(max(0, time.timeIntervalSince1970 * 1000))
        let high = random.next() as UInt64
        let low = random.next() as UInt64
        var bytes = [UInt8](repeating: 0, count: 16)
        for index in 0..<6 { bytes[index] = UInt8(truncatingIfNeeded: milliseconds >> (40 - 8 * UInt64(index))) }
        for index in 6..<8 { bytes[index] = UInt8(truncatingIfNeeded: high >> (8 * UInt64(index))) }
        for index in 8..<16 { bytes[index] = UInt8(truncatingIfNeeded: low >> (8 * UInt64(index - 8))) }
        bytes[6] = 0x70 | (bytes[6] & 0x0F)  // version 7
        bytes[8] = 0x80 | (bytes[8] & 0x3F)  // variant 10
        return UUID(uuid: (
            bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
            bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }
}
