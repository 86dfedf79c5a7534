/// The layout personnummer and samordningsnummer share (reference §1–2): birth date `YYYYMMDD`
/// (the day + 60 in a samordningsnummer), birth number `NNN`, Luhn check digit `C` over the ten-digit
/// form. `Personnummer` and `Samordningsnummer` wrap it; all parsing and formatting lives here.
struct PersonIdentityNumber: Sendable, Hashable {
    /// The two users of the layout. They differ only in the day digits and in whether a part of
    /// the birth date may be recorded as unknown (samordningsnummer: month 00, day 60).
    enum Variant: Sendable {
        case personnummer, samordningsnummer

        var dayOffset: Int { self == .personnummer ? 0 : 60 }

        var format: IdentifierFormat {
            switch self {
            case .personnummer: Self.personnummerFormat
            case .samordningsnummer: Self.samordningsnummerFormat
            }
        }

        private static let shape = LocalizedText(
            sv: "ÅÅMMDD-NNNK, ÅÅMMDD+NNNK, ÅÅÅÅMMDDNNNK eller ÅÅÅÅMMDD-NNNK",
            en: "YYMMDD-NNNC, YYMMDD+NNNC, YYYYMMDDNNNC or YYYYMMDD-NNNC"
        )
        private static let personnummerFormat = IdentifierFormat(
            name: LocalizedText(sv: "personnummer", en: "personnummer"),
            shape: shape,
            characters: IdentifierFormat.digitsAndSeparator
        )
        private static let samordningsnummerFormat = IdentifierFormat(
            name: LocalizedText(sv: "samordningsnummer", en: "samordningsnummer"),
            shape: shape,
            characters: IdentifierFormat.digitsAndSeparator
        )

        /// The day digits as written: 01–31, or 60–91 where 60 means "day unknown".
        func allows(dayDigits: Int) -> Bool {
            self == .personnummer ? (1...31).contains(dayDigits) : (60...91).contains(dayDigits)
        }

        var allowedDays: String { self == .personnummer ? "01–31" : "60–91" }

        /// Calendar check of the birth date; a samordningsnummer may carry 0 for an unknown month or day.
        func isCalendarDate(year: Int, month: Int, day: Int) -> Bool {
            if self == .samordningsnummer, month == 0 || day == 0 {
                return (0...12).contains(month) && (0...31).contains(day)
            }
            return CivilDate.isValid(year: year, month: month, day: day)
        }
    }

    /// The twelve digits `YYYYMMDDNNNC` as one number.
    let value: UInt64

    var year: Int { Int(value / 100_000_000) }
    var month: Int { Int(value / 1_000_000 % 100) }
    /// The day digits as written (a samordningsnummer's include the + 60).
    var dayDigits: Int { Int(value / 10_000 % 100) }
    var birthNumber: Int { Int(value / 10 % 1000) }
    /// Odd birth number: male; even: female.
    var sex: Sex { birthNumber % 2 == 1 ? .male : .female }

    var twelveDigitForm: String { String(zeroPadded: value, width: 12) }

    /// `YYYYMMDD-NNNC`, for people to read.
    var hyphenatedForm: String {
        String(zeroPadded: value / 10_000, width: 8) + "-" + String(zeroPadded: value, width: 4)
    }

    /// `YYMMDD-NNNC`, or `YYMMDD+NNNC` from the calendar year the person turns 100 (Skatteverket's rule).
    /// `parse` reads both back to the same number on the same `today`.
    func tenDigitForm(today: CivilDate) -> String {
        let separator = today.year - year >= 100 ? "+" : "-"
        return String(zeroPadded: value / 10_000, width: 6) + separator + String(zeroPadded: value, width: 4)
    }

    /// The number with the check digit that makes it valid, or nil when the date or birth number
    /// break a rule of the variant (birth number outside 1–999, a date that does not exist). Whether
    /// the date lies after or too long before "today" is `parse`'s business.
    init?(variant: Variant, year: Int, month: Int, day: Int, birthNumber: Int) {
        let dayDigits = day + variant.dayOffset
        guard (1000...9999).contains(year), (1...999).contains(birthNumber), variant.allows(dayDigits: dayDigits),
              variant.isCalendarDate(year: year, month: month, day: day) else { return nil }
        let payload = UInt64(year % 100 * 10_000_000 + month * 100_000 + dayDigits * 1000 + birthNumber)
        value = UInt64(year / 100) * 10_000_000_000 + payload * 10 + UInt64(Luhn.checkDigit(payload: payload, count: 9))
    }

    private init(value: UInt64) {
        self.value = value
    }

    /// Parses the four written forms `YYMMDD-NNNC`, `YYMMDD+NNNC` (also `YYMMDDNNNC`, read as with `-`),
    /// `YYYYMMDDNNNC` and `YYYYMMDD-NNNC`.
    ///
    /// The century of a ten-digit form: with `-`, the latest one that does not put the birth date
    /// after `today` (reference §1.3; an unknown month or day counts as its earliest value); with `+`,
    /// the latest one at least 100 years before `today`'s year. For every age under 200 that is
    /// reference §1.3's "subtract another 100 years"; it also reads a `+` written in the year the person
    /// turns 100 but before the birthday as Skatteverket means it. A twelve-digit form must not put
    /// the birth date after `today` or more than 199 years before it (no ten-digit form could show it).
    static func parse(_ text: String, as variant: Variant, today: CivilDate) throws(IdentifierError) -> PersonIdentityNumber {
        let scan = try DigitScan.read(text, separators: .hyphenOrPlus, format: variant.format)
        guard scan.count == 10 || scan.count == 12 else {
            throw IdentifierError(.wrongLength(variant.format, found: scan.count, unit: .digits))
        }
        if scan.separator != nil, scan.digitsBeforeSeparator != scan.count - 4 {
            throw IdentifierError(.misplacedSeparator(variant.format))
        }
        let isPlus = scan.separator == UInt8(ascii: "+")
        if isPlus, scan.count == 12 { throw IdentifierError(.plusInTwelveDigitForm) }

        let ten = scan.value % 10_000_000_000
        let twoDigitYear = Int(ten / 100_000_000)
        let month = Int(ten / 1_000_000 % 100)
        let dayDigits = Int(ten / 10_000 % 100)
        let day = dayDigits - variant.dayOffset
        let year = scan.count == 12
            ? Int(scan.value / 100_000_000)
            : resolveYear(twoDigitYear, month: month, day: day, plus: isPlus, today: today)

        var errors: [IdentifierIssue] = []
        var dateIsValid = false
        if !variant.allows(dayDigits: dayDigits) {
            errors.append(.dayOutOfRange(variant.format, day: dayDigits, allowed: variant.allowedDays))
        } else if !variant.isCalendarDate(year: year, month: month, day: day) {
            errors.append(.invalidDate(year: year, month: month, day: day))
        } else {
            dateIsValid = true
        }
        if ten / 10 % 1000 == 0 {
            errors.append(.birthNumber000)
        }
        let expected = Luhn.checkDigit(payload: ten / 10, count: 9)
        if expected != Int(ten % 10) {
            errors.append(.wrongCheckDigit(expected: expected))
        }
        if dateIsValid {
            if (year, month, day) > (today.year, today.month, today.day) {
                errors.append(.birthDateInFuture(CivilDate.isoText(year: year, month: month, day: day), today: today))
            } else if year < today.year - 199 {
                errors.append(.birthYearTooEarly(year, earliest: today.year - 199))
            }
        }
        guard errors.isEmpty else { throw IdentifierError(errors) }
        return PersonIdentityNumber(value: UInt64(year / 100) * 10_000_000_000 + ten)
    }

    private static func resolveYear(_ twoDigitYear: Int, month: Int, day: Int, plus: Bool, today: CivilDate) -> Int {
        let latest = plus ? today.year - 100 : today.year
        var year = latest - ((latest - twoDigitYear) % 100 + 100) % 100
        if !plus, (year, month, day) > (today.year, today.month, today.day) {
            year -= 100
        }
        return year
    }
}
