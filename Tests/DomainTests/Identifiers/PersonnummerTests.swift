import Testing
@testable import Domain

@Suite struct PersonnummerTests {
    // Reference §1.3: judge the century by the whole date, not the year.
    @Test(arguments: [
        ("261231-1234", "1926-12-31"),
        ("261122-1234", "2026-11-22"),
        ("261123-1234", "1926-11-23"),
        ("121212-1212", "2012-12-12"),
        ("121212+1212", "1912-12-12"),
        ("1212121212", "2012-12-12"),
        ("261231+1234", "1926-12-31"),
        ("270101+1234", "1827-01-01"),
        ("000229-0021", "2000-02-29"),
    ])
    func centuryOfTenDigitForm(input: String, birthDate: String) throws {
        // setup: give the number its correct check digit, so only the century is under test
        let date = CivilDate(year: Int(birthDate.prefix(4))!, month: Int(birthDate.dropFirst(5).prefix(2))!, day: Int(birthDate.suffix(2))!)!
        let birthNumber = Int(input.suffix(4).prefix(3))!
        let expected = Personnummer(birthDate: date, birthNumber: birthNumber)!
        let text = String(input.dropLast()) + String(expected.twelveDigitForm.suffix(1))

        // MUT
        let parsed = try Personnummer.parse(text, today: referenceToday)

        // validate
        #expect(parsed.birthDate.description == birthDate)
        #expect(parsed == expected)
    }

    @Test(arguments: [
        ("20000229", true), ("19000229", false), ("20240229", true), ("21000229", false), ("19960229", true), ("20230229", false),
    ])
    func leapYears(date: String, exists: Bool) {
        let year = Int(date.prefix(4))!
        #expect(CivilDate.isLeapYear(year) == exists)
        #expect((CivilDate(year: year, month: 2, day: 29) != nil) == exists)
    }

    @Test func tenDigitFormTakesPlusFromTheYearOfTurning100() throws {
        // setup
        let turns100ThisYear = Personnummer(birthDate: CivilDate(year: 1926, month: 12, day: 31)!, birthNumber: 123)!
        let turns100NextYear = Personnummer(birthDate: CivilDate(year: 1927, month: 1, day: 1)!, birthNumber: 123)!

        // MUT / validate
        #expect(turns100ThisYear.tenDigitForm(today: referenceToday).contains("+"))
        #expect(turns100NextYear.tenDigitForm(today: referenceToday).contains("-"))
        #expect(try Personnummer.parse(turns100ThisYear.tenDigitForm(today: referenceToday), today: referenceToday) == turns100ThisYear)
        #expect(try Personnummer.parse(turns100NextYear.tenDigitForm(today: referenceToday), today: referenceToday) == turns100NextYear)
    }

    @Test func formats() throws {
        let personnummer = try Personnummer.parse("19121212-1212", today: referenceToday)
        #expect(personnummer.twelveDigitForm == "191212121212")
        #expect(personnummer.tenDigitForm(today: referenceToday) == "121212+1212")
        #expect(personnummer.description == "19121212-1212")
        #expect(personnummer.birthNumber == 121)
        #expect(personnummer.sex == .male)
        #expect(Personnummer(birthDate: CivilDate(year: 1912, month: 12, day: 12)!, birthNumber: 121) == personnummer)
        #expect(Personnummer(birthDate: CivilDate(year: 1912, month: 12, day: 12)!, birthNumber: 0) == nil)
    }

    @Test(arguments: [
        ("", IdentifierIssue.Code.empty),
        ("19121212+1212", .plusInTwelveDigitForm),
        ("1912121-21212", .misplacedSeparator),
        ("121212--1212", .misplacedSeparator),
        ("12121212", .wrongLength),
        ("1912121212120", .wrongLength),
        ("121212–1212", .unexpectedCharacter),
        (" 121212-1212", .unexpectedCharacter),
        ("１２１２１２-１２１２", .notASCIIDigit),
        ("121212-121٢", .notASCIIDigit),
        ("21121212-1212", .birthDateOutOfRange),
        ("18121212-1212", .birthDateOutOfRange),
        ("19121312-1212", .invalidDate),
        ("19120012-1212", .invalidDate),
        ("19121200-1212", .dayOutOfRange),
        ("19121262-1212", .dayOutOfRange),
        (String(repeating: "1", count: 65), .tooLong),
    ])
    func refuses(input: String, code: IdentifierIssue.Code) {
        #expect(throws: IdentifierError.self) { try Personnummer.parse(input, today: referenceToday) }
        do {
            _ = try Personnummer.parse(input, today: referenceToday)
        } catch {
            #expect(error.codes.contains(code), "\(error.codes)")
            #expect(!error.errors.isEmpty)
        }
    }

    @Test func independentRulesAreAllReported() {
        // 30 February and a wrong check digit (correct would be 7)
        #expect(throws: IdentifierError([.invalidDate(year: 1970, month: 2, day: 30), .wrongCheckDigit(expected: 7)])) {
            try Personnummer.parse("19700230-1232", today: referenceToday)
        }
    }

    @Test func messagesNameTheRuleInBothLanguages() {
        do {
            _ = try Personnummer.parse("19121212-1213", today: referenceToday)
            Issue.record("should not parse")
        } catch {
            #expect(error.errors == [IdentifierIssue(.wrongCheckDigit, LocalizedText(
                sv: "Kontrollsiffran stämmer inte (Luhn): ska vara 2.",
                en: "Wrong check digit (Luhn): expected 2."
            ))])
        }
    }

    @Test func unexpectedCharacterIsNamedWithItsPosition() {
        do {
            _ = try Personnummer.parse("19121212-12１2", today: referenceToday)
            Issue.record("should not parse")
        } catch {
            #expect(error.errors.first?.message.en == "The character '１' (U+FF11) at position 12 is not a digit 0–9; only ASCII digits are accepted.")
        }
    }

    @Test func samordningsnummerWithUnknownParts() throws {
        // setup: Skatteverket's test samordningsnummer with month 00
        let partial = try Samordningsnummer.parse("191500722390", today: referenceToday)
        #expect(partial.birthMonth == nil)
        #expect(partial.birthDay == 12)
        #expect(partial.birthDate == nil)
        #expect(partial.birthDateText == "1915-00-12")
        #expect(partial.warnings.map(\.code) == [.partialBirthDate])

        let full = try Samordningsnummer.parse("701063-2391", today: referenceToday)
        #expect(full.birthDate == CivilDate(year: 1970, month: 10, day: 3))
        #expect(full.twelveDigitForm == "197010632391")
        #expect(full.warnings.isEmpty)
        // a personnummer's day in a samordningsnummer, and the reverse
        #expect(throws: IdentifierError.self) { try Samordningsnummer.parse("19121212-1212", today: referenceToday) }
        #expect(throws: IdentifierError.self) { try Personnummer.parse("197010632391", today: referenceToday) }
    }

    @Test func monthZeroIsNeverValidInAPersonnummer() {
        let number = PersonIdentityNumber(variant: .personnummer, year: 1980, month: 0, day: 5, birthNumber: 123)
        #expect(number == nil)
    }
}
