/// A Swedish personnummer (reference §1): birth date, birth number and Luhn check digit.
///
/// Stored as one 64-bit number (the twelve-digit form), so it is cheap to keep, compare and hash.
/// Parse it with `parse(_:today:)`; "today" decides the century of a ten-digit form and must be
/// passed in (use `CivilDate.today()` in production, a fixed date in tests).
public struct Personnummer: SwedishIdentifier {
    /// OID of the identifier type (Skatteverket's personnummer, registered by Inera).
    public static let oid = "1.2.752.129.2.1.3.1"

    let number: PersonIdentityNumber

    /// Parses `YYMMDD-NNNC`, `YYMMDD+NNNC`, `YYMMDDNNNC`, `YYYYMMDDNNNC` or `YYYYMMDD-NNNC`.
    ///
    /// Only ASCII digits and the separators `-`/`+` are accepted (an en dash is refused here;
    /// `IdentifierInspector` reads it as `-` with a warning). `+` in a twelve-digit form is an error.
    /// Birth number 000 is an error of its own. See `IdentifierError` for how errors are collected.
    ///
    /// A ten-digit form takes the latest century that does not put the birth date after `today`;
    /// with `+`, the latest at least 100 years before `today`'s year (reference §1.3). A twelve-digit
    /// form must not put the birth date after `today` or more than 199 years before its year.
    public static func parse(_ text: String, today: CivilDate) throws(IdentifierError) -> Personnummer {
        Personnummer(number: try PersonIdentityNumber.parse(text, as: .personnummer, today: today))
    }

    init(number: PersonIdentityNumber) {
        self.number = number
    }

    /// The personnummer for `birthDate` and `birthNumber` (1–999) with its check digit computed;
    /// nil for a birth number outside 1–999 or a year before 1000.
    public init?(birthDate: CivilDate, birthNumber: Int) {
        guard let number = PersonIdentityNumber(
            variant: .personnummer, year: birthDate.year, month: birthDate.month, day: birthDate.day, birthNumber: birthNumber
        ) else { return nil }
        self.number = number
    }

    /// The date in the number; usually, but not always, the true birth date (reference §1.1).
    public var birthDate: CivilDate {
        CivilDate(checkedYear: number.year, month: number.month, day: number.dayDigits)
    }

    /// The three digits after the date, 001–999.
    public var birthNumber: Int { number.birthNumber }

    /// Odd birth number male, even female (can be out of date, see `Sex`).
    public var sex: Sex { number.sex }

    /// `YYYYMMDDNNNC`, the form Skatteverket stores and interfaces carry.
    public var twelveDigitForm: String { number.twelveDigitForm }

    /// `YYMMDD-NNNC`, or `YYMMDD+NNNC` from the calendar year the person turns 100.
    public func tenDigitForm(today: CivilDate) -> String { number.tenDigitForm(today: today) }

    /// Whether Skatteverket publishes this number as a test personnummer (see `SkatteverketTestNumbers`).
    public var isTestNumber: Bool { SkatteverketTestNumbers.contains(self) }

    public var kind: IdentifierKind { .personnummer }
    public var oid: String { Self.oid }
    public var normalized: String { twelveDigitForm }
    public var birthDateText: String? { birthDate.description }
    public var encodedSex: Sex? { sex }

    /// `YYYYMMDD-NNNC`.
    public var description: String { number.hyphenatedForm }
}
