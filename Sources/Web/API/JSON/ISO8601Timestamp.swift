import Domain
import Foundation

/// Writes a date as `Date.ISO8601FormatStyle()` (and so `JSONEncoder`'s `.iso8601`) writes it: UTC, whole
/// seconds, `2026-11-23T07:05:13Z`. A case carries a date per touched item, and the format style spent
/// microseconds on each through `Calendar` (BENCHMARKS.md, case API). Dates before 1970 or after 9999 go to
/// the format style, whose calendar this arithmetic (proleptic Gregorian) does not follow there.
enum ISO8601Timestamp {
    static func append(_ date: Date, to bytes: inout [UInt8]) {
        let seconds = date.timeIntervalSince1970.rounded(.down)
        guard seconds >= 0, seconds < 253_402_300_800 else {
            bytes.append(contentsOf: formatStyle.format(date).utf8)
            return
        }
        let total = Int(seconds)
        let (year, month, day) = CivilDate.components(daysSince1970: total / 86_400)
        let time = total % 86_400
        append(year, digits: 4, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        append(month, digits: 2, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        append(day, digits: 2, to: &bytes)
        bytes.append(UInt8(ascii: "T"))
        append(time / 3_600, digits: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        append(time / 60 % 60, digits: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        append(time % 60, digits: 2, to: &bytes)
        bytes.append(UInt8(ascii: "Z"))
    }

    private static let formatStyle = Date.ISO8601FormatStyle()

    private static func append(_ value: Int, digits: Int, to bytes: inout [UInt8]) {
        var divisor = 1
        for _ in 1..<digits { divisor *= 10 }
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
            divisor /= 10
        }
    }
}
