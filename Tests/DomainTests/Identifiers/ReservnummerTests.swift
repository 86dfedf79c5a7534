import Testing
@testable import Domain

@Suite struct ReservnummerTests {
    @Test func nationalReservnummer() throws {
        let nrid = try NationalReservnummer.parse("22950606-FH20")
        #expect(nrid.normalized == "22950606FH20")
        #expect(nrid.description == "22950606-FH20")
        #expect(nrid.birthDate == CivilDate(year: 1995, month: 6, day: 6))
        #expect(nrid.sex == .female)
        #expect(nrid.oid == "1.2.752.74.9.1")
    }

    @Test(arguments: [
        ("24950606FH20", IdentifierIssue.Code.invalidSeries),
        ("21950606FH20", .invalidSeries),
        ("22950631FH20", .invalidDate),
        ("00951205FH20", .invalidSerial),
        ("22950606FI20", .invalidLetter),
        ("22950606Fh20", .invalidLetter),
        ("22950606FH21", .wrongCheckDigit),
        ("2295060FH20", .unexpectedCharacter),
        ("22950606FH2", .wrongLength),
        ("22950606FH20X", .wrongLength),
        ("229506-06FH20", .unexpectedCharacter),
    ])
    func nationalReservnummerRefuses(input: String, code: IdentifierIssue.Code) {
        #expect(codes { try NationalReservnummer.parse(input) }.contains(code))
    }

    @Test func nationalReservnummerWithUnknownBirthDateAndSex() throws {
        // series 00: serial with month 20–99 and day 40–59; sex letter instead of digit
        let head = "00992045ABC"
        var luhn = Luhn()
        for byte in head.utf8.reversed() { luhn.prepend(byte >= UInt8(ascii: "A") ? Int(byte) : Int(byte - UInt8(ascii: "0"))) }
        let nrid = try NationalReservnummer.parse(head + String(luhn.checkDigit))
        #expect(nrid.birthDate == nil)
        #expect(nrid.sex == nil)
    }

    @Test func regionStockholmExamples() throws {
        for example in ["991981000010", "991945000023", "991993000032"] {
            #expect(try LocalReservnummer.parse(example, scheme: .regionStockholm).normalized == example)
        }
        #expect(codes { try LocalReservnummer.parse("981981000010", scheme: .regionStockholm) } == [.invalidPrefix])
        #expect(codes { try LocalReservnummer.parse("99198100001", scheme: .regionStockholm) } == [.wrongLength])
    }

    @Test func vgrExamples() throws {
        let man = try LocalReservnummer.parse("19810829M071", scheme: .vgr)
        #expect(man.encodedSex == .male)
        #expect(man.birthDateText == "1981-08-29")
        #expect(try LocalReservnummer.parse("19450829K088", scheme: .vgr).encodedSex == .female)
        #expect(try LocalReservnummer.parse("19930829X802", scheme: .vgr).encodedSex == nil)
    }

    @Test func vgrRules() {
        #expect(codes { try LocalReservnummer.parse("19810829Y071", scheme: .vgr) } == [.invalidSexCode])
        #expect(codes { try LocalReservnummer.parse("19810230M071", scheme: .vgr) }.contains(.invalidDate))
        #expect(codes { try LocalReservnummer.parse("19810829M051", scheme: .vgr) }.contains(.invalidSerial))
    }

    @Test func vgrSexCodeAndSerialThatDisagreeWarn() throws {
        // M with an even serial: valid (Inera does not say they must agree), with a warning
        let payload: UInt64 = 810_829_708
        let value = "19810829M08" + String(Luhn.checkDigit(payload: payload, count: 9))
        let parsed = try LocalReservnummer.parse(value, scheme: .vgr)
        #expect(parsed.warnings.map(\.code) == [.sexCodeMismatch])
    }

    @Test func legacyRuleIsAWarningOnAnError() {
        do {
            _ = try LocalReservnummer.parse("19810829M070", scheme: .vgr)
            Issue.record("legacy value accepted")
        } catch {
            #expect(error.codes == [.wrongCheckDigit])
            #expect(error.warnings.map(\.code) == [.legacyCheckDigit])
        }
        // a plain typo gets no legacy warning
        do {
            _ = try LocalReservnummer.parse("991981000012", scheme: .regionStockholm)
            Issue.record("typo accepted")
        } catch {
            #expect(error.warnings.isEmpty)
        }
    }

    @Test func carelink() throws {
        let value = try LocalReservnummer.parse("198108320014", scheme: .carelink)
        #expect(value.birthDateText == "1981-08-00")
        #expect(value.warnings.map(\.code) == [.partialBirthDate])
        #expect(codes { try LocalReservnummer.parse("198108310014", scheme: .carelink) }.contains(.dayOutOfRange))
    }

    /// The error codes `parse` throws; none when it succeeds.
    private func codes(_ parse: () throws -> some Any) -> [IdentifierIssue.Code] {
        do {
            _ = try parse()
            return []
        } catch {
            return (error as? IdentifierError)?.codes ?? []
        }
    }
}
