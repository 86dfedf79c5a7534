/// A Swedish samordningsnummer (co-ordination number, reference §2): a personnummer's layout with
/// 60 added to the day.
///
/// When Skatteverket could not establish a part of the birth date it writes month `00` and/or
/// day `60` (day 0 + 60); such a number is valid, `birthDate` is nil and `warnings` says which part
/// is unknown. Parsing, the century rule and formatting are those of `Personnummer`.
public struct Samordningsnummer: SwedishIdentifier {
    /// OID of the identifier type.
    public static let oid = "1.2.752.129.2.1.3.3"

    let number: PersonIdentityNumber

    /// Parses the same written forms as `Personnummer.parse(_:today:)`, with day digits 60–91.
    public static func parse(_ text: String, today: CivilDate) throws(IdentifierError) -> Samordningsnummer {
        Samordningsnummer(number: try PersonIdentityNumber.parse(text, as: .samordningsnummer, today: today))
    }

    init(number: PersonIdentityNumber) {
        self.number = number
    }

    /// The birth year, always known.
    public var birthYear: Int { number.year }
    /// 1–12; nil when recorded as unknown (`00`).
    public var birthMonth: Int? { number.month == 0 ? nil : number.month }
    /// 1–31 (the day digits − 60); nil when recorded as unknown (day digits `60`).
    public var birthDay: Int? { number.dayDigits == 60 ? nil : number.dayDigits - 60 }

    /// The birth date; nil when the month or the day is unknown.
    public var birthDate: CivilDate? {
        guard let month = birthMonth, let day = birthDay else { return nil }
        return CivilDate(checkedYear: birthYear, month: month, day: day)
    }

    /// The three digits after the date, 001–999.
    public var birthNumber: Int { number.birthNumber }

    /// Odd birth number male, even female.
    public var sex: Sex { number.sex }

    /// `YYYYMMDDNNNC` with the day digits as written (+ 60).
    public var twelveDigitForm: String { number.twelveDigitForm }

    /// `YYMMDD-NNNC`, or `YYMMDD+NNNC` from the calendar year the person turns 100.
    public func tenDigitForm(today: CivilDate) -> String { number.tenDigitForm(today: today) }

    public var kind: IdentifierKind { .samordningsnummer }
    public var oid: String { Self.oid }
    public var normalized: String { twelveDigitForm }
    public var birthDateText: String? { CivilDate.isoText(year: birthYear, month: birthMonth ?? 0, day: birthDay ?? 0) }
    public var encodedSex: Sex? { sex }

    /// `partial-birth-date` when the month or the day is unknown.
    public var warnings: [IdentifierIssue] {
        guard birthMonth == nil || birthDay == nil else { return [] }
        return [.partialBirthDate(monthUnknown: birthMonth == nil, dayUnknown: birthDay == nil)]
    }

    /// `YYYYMMDD-NNNC`.
    public var description: String { number.hyphenatedForm }
}
