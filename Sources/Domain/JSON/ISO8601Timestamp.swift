import Foundation

/// Writes a date as `Date.ISO8601FormatStyle()` (and so `JSONEncoder`'s `.iso8601`) writes it: UTC, whole
/// seconds, `2026-11-23T07:05:13Z`. A case carries a date per touched item, and the format style spent
/// microseconds on each through `Calendar` (BENCHMARKS.md, case API). Dates before 1970 or after 9999 go to
/// the format style, whose calendar this arithmetic (proleptic Gregorian) does not follow there.
public enum ISO8601Timestamp {
    public static func append(_ date: Date, to bytes: inout [UInt8]) {
        let seconds = date.timeIntervalSince1970.rounded(.down)
        guard seconds >= 0, seconds < 253_402_300_800 else {
            bytes.append(contentsOf: formatStyle.format(date).utf8)
            return
        }
        let total = Int(seconds)
        let (year, month, day) = CivilDate.components(daysSince1970: total / 86_400)
        let time = total % 86_400
        // Written into 20 bytes on the stack and appended once; byte by byte, the array checked its capacity
        // and uniqueness for each.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { out in
            put(year, digits: 4, at: 0, in: out)
            out[4] = UInt8(ascii: "-")
            put(month, digits: 2, at: 5, in: out)
            out[7] = UInt8(ascii: "-")
            put(day, digits: 2, at: 8, in: out)
            out[10] = UInt8(ascii: "T")
            put(time / 3_600, digits: 2, at: 11, in: out)
            out[13] = UInt8(ascii: ":")
            put(time / 60 % 60, digits: 2, at: 14, in: out)
            out[16] = UInt8(ascii: ":")
            put(time % 60, digits: 2, at: 17, in: out)
            out[19] = UInt8(ascii: "Z")
            bytes.append(contentsOf: UnsafeBufferPointer(out))
        }
    }

    private static let formatStyle = Date.ISO8601FormatStyle()

    private static func put(_ value: Int, digits: Int, at offset: Int, in out: UnsafeMutableBufferPointer<UInt8>) {
        var value = value
        for index in (offset..<offset + digits).reversed() {
            out[index] = UInt8(ascii: "0") + UInt8(value % 10)
            value /= 10
        }
    }
}
