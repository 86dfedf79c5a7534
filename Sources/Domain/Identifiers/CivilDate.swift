import Foundation

/// A calendar day in the proleptic Gregorian calendar, without time or time zone.
///
/// Identifier rules use it twice: as the birth date a number encodes, and as the injectable
/// "today" that decides the century of a ten-digit personnummer. Values are always real dates
/// (the failable initialiser checks month and day, leap years included), so comparing two of
/// them compares two days.
public struct CivilDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// 1–9999.
    public let year: Int
    /// 1–12.
    public let month: Int
    /// 1–31, within the month.
    public let day: Int

    /// The date, or nil when it does not exist (month outside 1–12, day outside the month,
    /// 29 February outside a leap year) or its year is outside 1–9999, the years `YYYY` can show.
    public init?(year: Int, month: Int, day: Int) {
        guard Self.isValid(year: year, month: month, day: day) else { return nil }
        self.init(checkedYear: year, month: month, day: day)
    }

    /// For callers that have just run `isValid`.
    init(checkedYear year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Whether the three numbers name a day that exists, with a year in 1–9999.
    static func isValid(year: Int, month: Int, day: Int) -> Bool {
        (1...9999).contains(year) && day >= 1 && day <= daysIn(month: month, year: year)
    }

    /// The calendar day of `date` in `timeZone`.
    ///
    /// Defaults to Europe/Stockholm, because the century rule and the `+` separator follow the
    /// Swedish calendar day: just after midnight in Sweden it is already the next day there.
    public init(_ date: Date, timeZone: TimeZone = CivilDate.stockholm) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        // Calendar always fills these three components for a Gregorian calendar.
        self.year = min(max(parts.year ?? 1970, 1), 9999)
        self.month = parts.month ?? 1
        self.day = parts.day ?? 1
    }

    /// Today in Sweden. Production code passes this as "today"; tests pass a fixed date.
    public static func today() -> CivilDate {
        CivilDate(Date())
    }

    /// Europe/Stockholm, falling back to UTC+1 if the system has no time-zone database.
    public static let stockholm: TimeZone = TimeZone(identifier: "Europe/Stockholm") ?? TimeZone(secondsFromGMT: 3600)!

    /// Gregorian leap years: divisible by 4, except centuries not divisible by 400 (1900 is not, 2000 is).
    public static func isLeapYear(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    /// Days in `month` (1–12) of `year`; 0 for a month outside 1–12.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 1, 3, 5, 7, 8, 10, 12: 31
        case 4, 6, 9, 11: 30
        case 2: isLeapYear(year) ? 29 : 28
        default: 0
        }
    }

    /// ISO 8601 calendar date, `YYYY-MM-DD`.
    public var description: String {
        Self.isoText(year: year, month: month, day: day)
    }

    /// Earlier days first.
    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// `YYYY-MM-DD` with zero padding; also used for partial birth dates, where an unknown part is 0.
    /// Each part shows its lowest 4 or 2 digits (callers pass years 0–9999 and months and days 0–99).
    static func isoText(year: Int, month: Int, day: Int) -> String {
        String(zeroPadded: UInt64(clamping: year), width: 4) + "-"
            + String(zeroPadded: UInt64(clamping: month), width: 2) + "-"
            + String(zeroPadded: UInt64(clamping: day), width: 2)
    }

    /// Year, month and day of the day `days` after 1970-01-01 (negative: before), by Howard Hinnant's
    /// days-to-civil algorithm, exact for the proleptic Gregorian calendar. Timestamps are written with it
    /// where a formatter would be too slow or differ between platforms.
    public static func components(daysSince1970 days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468  // days since 0000-03-01
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)  // from March 1st
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, dayOfYear - (153 * shiftedMonth + 2) / 5 + 1)
    }
}
