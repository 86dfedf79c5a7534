import Testing
@testable import Domain

/// Every row of reference.md §12, through `IdentifierInspector` on the reference's "today".
@Suite struct ReferenceVectorTests {
    struct Vector: Sendable, CustomTestStringConvertible {
        let row: Int
        let input: String
        var oid: String?
        let kind: IdentifierKind
        let valid: Bool
        var checks: [Check] = []

        var testDescription: String { "§12 row \(row): \(input)" }
    }

    enum Check: Sendable {
        case birthDate(String)
        case sex(Sex?)
        case testNumber(Bool)
        case error(IdentifierIssue.Code)
        case warning(IdentifierIssue.Code)
        case normalized(String)
        case noWarnings
    }

    static let vectors: [Vector] = [
        Vector(row: 1, input: "19121212-1212", kind: .personnummer, valid: true,
               checks: [.birthDate("1912-12-12"), .sex(.male), .testNumber(false), .normalized("191212121212"), .noWarnings]),
        Vector(row: 2, input: "191212121212", kind: .personnummer, valid: true, checks: [.birthDate("1912-12-12"), .sex(.male)]),
        Vector(row: 3, input: "121212-1212", kind: .personnummer, valid: true, checks: [.birthDate("2012-12-12"), .normalized("201212121212")]),
        Vector(row: 4, input: "121212+1212", kind: .personnummer, valid: true, checks: [.birthDate("1912-12-12"), .normalized("191212121212")]),
        Vector(row: 5, input: "19121212-1213", kind: .personnummer, valid: false, checks: [.error(.wrongCheckDigit)]),
        Vector(row: 6, input: "640823-3234", kind: .personnummer, valid: true,
               checks: [.birthDate("1964-08-23"), .testNumber(true), .normalized("196408233234")]),
        Vector(row: 7, input: "19700230-1234", kind: .personnummer, valid: false, checks: [.error(.invalidDate)]),
        Vector(row: 8, input: "20000229-0021", kind: .personnummer, valid: true, checks: [.birthDate("2000-02-29"), .sex(.female)]),
        Vector(row: 9, input: "19000229-0021", kind: .personnummer, valid: false, checks: [.error(.invalidDate)]),
        Vector(row: 9, input: "000229+0021", kind: .personnummer, valid: false, checks: [.error(.invalidDate)]),
        Vector(row: 10, input: "20000229-0005", kind: .personnummer, valid: false, checks: [.error(.birthNumber000)]),
        Vector(row: 11, input: "197010632391", oid: "1.2.752.129.2.1.3.3", kind: .samordningsnummer, valid: true,
               checks: [.birthDate("1970-10-03"), .sex(.male), .noWarnings]),
        Vector(row: 11, input: "197010632391", kind: .samordningsnummer, valid: true, checks: [.birthDate("1970-10-03")]),
        Vector(row: 12, input: "19121292-1212", kind: .personnummer, valid: false, checks: [.error(.dayOutOfRange)]),
        Vector(row: 12, input: "19121292-1212", oid: "1.2.752.129.2.1.3.3", kind: .samordningsnummer, valid: false,
               checks: [.error(.dayOutOfRange)]),
        Vector(row: 13, input: "189001019802", kind: .personnummer, valid: true,
               checks: [.birthDate("1890-01-01"), .sex(.female), .testNumber(true)]),
        Vector(row: 14, input: "991981000010", oid: "1.2.752.97.3.1.3", kind: .reservnummer, valid: true, checks: [.noWarnings]),
        Vector(row: 15, input: "991981000011", oid: "1.2.752.97.3.1.3", kind: .reservnummer, valid: false,
               checks: [.error(.wrongCheckDigit), .warning(.legacyCheckDigit)]),
        Vector(row: 16, input: "19810829M071", oid: "1.2.752.113.11.0.2.1.1.1", kind: .reservnummer, valid: true,
               checks: [.birthDate("1981-08-29"), .sex(.male), .noWarnings]),
        Vector(row: 17, input: "19810829M070", oid: "1.2.752.113.11.0.2.1.1.1", kind: .reservnummer, valid: false,
               checks: [.error(.wrongCheckDigit), .warning(.legacyCheckDigit)]),
        Vector(row: 18, input: "22950606FH20", oid: "1.2.752.74.9.1", kind: .reservnummer, valid: true,
               checks: [.birthDate("1995-06-06"), .sex(.female)]),
        Vector(row: 18, input: "22950606FH20", kind: .reservnummer, valid: true, checks: [.birthDate("1995-06-06"), .sex(.female)]),
        Vector(row: 19, input: "2321000131", kind: .organisationsnummer, valid: true, checks: [.normalized("2321000131"), .noWarnings]),
        Vector(row: 20, input: "1234567891", kind: .organisationsnummer, valid: false, checks: [.error(.wrongCheckDigit)]),
        Vector(row: 21, input: "SE2321000131-E000000000001", kind: .hsaID, valid: true, checks: [.noWarnings]),
        Vector(row: 22, input: "SE2321000132-E1", kind: .hsaID, valid: false, checks: [.error(.wrongCheckDigit)]),
        Vector(row: 23, input: "SE2321000131-Å12", kind: .hsaID, valid: false, checks: [.error(.invalidCharacter)]),
        Vector(row: 24, input: "SE2321000131-E0000000000000000001", kind: .hsaID, valid: false, checks: [.error(.tooLong)]),
        Vector(row: 25, input: "191212121212^^^&1.2.752.129.2.1.3.1&ISO", kind: .personnummer, valid: true,
               checks: [.birthDate("1912-12-12"), .noWarnings]),
        Vector(row: 26, input: "191212121212^^^1.2.752.129.2.1.3.1^PI", kind: .personnummer, valid: true,
               checks: [.warning(.oidInNamespaceID)]),
        Vector(row: 27, input: "191500722390", kind: .samordningsnummer, valid: true,
               checks: [.birthDate("1915-00-12"), .warning(.partialBirthDate)]),
        Vector(row: 28, input: "19121212-12１2", kind: .personnummer, valid: false, checks: [.error(.notASCIIDigit)]),
        Vector(row: 29, input: "19800100-1232", kind: .personnummer, valid: false, checks: [.error(.dayOutOfRange)]),
    ]

    @Test(arguments: vectors)
    func vector(_ vector: Vector) {
        // MUT
        let report = IdentifierInspector.inspect(vector.input, oid: vector.oid, today: referenceToday)

        // validate
        #expect(report.kind == vector.kind)
        #expect(report.valid == vector.valid, "errors: \(report.errors.map(\.code))")
        #expect(report.valid == report.errors.isEmpty)
        for check in vector.checks {
            switch check {
            case .birthDate(let date): #expect(report.birthDate == date)
            case .sex(let sex): #expect(report.sex == sex)
            case .testNumber(let flag): #expect(report.testNumber == flag)
            case .error(let code): #expect(report.errors.map(\.code).contains(code), "errors: \(report.errors.map(\.code))")
            case .warning(let code): #expect(report.warnings.map(\.code).contains(code), "warnings: \(report.warnings.map(\.code))")
            case .normalized(let form): #expect(report.normalized == form)
            case .noWarnings: #expect(report.warnings.isEmpty, "warnings: \(report.warnings.map(\.code))")
            }
        }
    }
}
