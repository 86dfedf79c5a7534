import Testing
@testable import Domain

@Suite struct OrganisationsnummerTests {
    @Test(arguments: ["2321000131", "232100-0131", "162321000131", "16232100-0131"])
    func acceptsEveryWrittenForm(input: String) throws {
        let number = try Organisationsnummer.parse(input)
        #expect(number.digits == "2321000131")
        #expect(number.description == "232100-0131")
        #expect(number.groupNumber == 2)
    }

    @Test(arguments: [
        ("2311000131", IdentifierIssue.Code.wrongCheckDigit),
        ("2301000131", .thirdDigitBelow2),
        ("172321000131", .invalidPrefix),
        ("2321000-131", .misplacedSeparator),
        ("232100+0131", .unexpectedCharacter),
        ("23210001311", .wrongLength),
    ])
    func refuses(input: String, code: IdentifierIssue.Code) {
        do {
            _ = try Organisationsnummer.parse(input)
            Issue.record("accepted \(input)")
        } catch {
            #expect(error.codes.contains(code), "\(error.codes)")
        }
    }
}

@Suite struct HSAIdTests {
    @Test(arguments: ["SE2321000131-E000000000001", "SE2321000016-F835", "SE5565594230-1337", "SE162321000016-39KJ"])
    func accepts(input: String) throws {
        let id = try HSAId.parse(input)
        #expect(id.normalized == input)
        #expect(id.warnings.isEmpty)
    }

    @Test func thirtyOneCharactersIsTheLimit() throws {
        let longest = "SE2321000131-" + String(repeating: "E", count: 18)
        #expect(longest.count == 31)
        #expect(try HSAId.parse(longest).text == longest)
        #expect(throws: IdentifierError.self) { try HSAId.parse(longest + "1") }
    }

    @Test func testEnvironmentShapeIsValidWithAWarning() throws {
        let id = try HSAId.parse("TSTNMT2321000156-1079")
        #expect(id.isTestEnvironment)
        #expect(id.organisationsnummer.digits == "2321000156")
        #expect(id.warnings.map(\.code) == [.testEnvironmentID])
    }

    @Test func lowThirdDigitIsOnlyAWarning() throws {
        // 1001000007: Luhn-valid, third digit 0
        #expect(try HSAId.parse("SE1001000007-A1").warnings.map(\.code) == [.thirdDigitBelow2])
    }

    @Test(arguments: [
        ("se2321000131-E1", IdentifierIssue.Code.invalidPrefix),
        ("SE2321000131", .missingSuffix),
        ("SE2321000131-", .missingSuffix),
        ("SE232100013-E1", .wrongLength),
        ("SE23210001311-E1", .wrongLength),
        ("SE2321000131-E@1", .invalidCharacter),
        ("SE2321000131-E 1", .invalidCharacter),
        ("SE23210X0131-E1", .unexpectedCharacter),
    ])
    func refuses(input: String, code: IdentifierIssue.Code) {
        do {
            _ = try HSAId.parse(input)
            Issue.record("accepted \(input)")
        } catch {
            #expect(error.codes == [code])
        }
    }
}
