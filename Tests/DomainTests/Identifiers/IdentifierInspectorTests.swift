import Foundation
import Testing
@testable import Domain

@Suite struct IdentifierInspectorTests {
    @Test(arguments: [
        ("19121212-1212", IdentifierKind.personnummer),
        ("121212-1212", .personnummer),
        ("19121292-1212", .personnummer),
        ("19121245-1212", .personnummer),
        ("197010632391", .samordningsnummer),
        ("701060-2391", .samordningsnummer),
        ("232100-0131", .organisationsnummer),
        ("162321000131", .organisationsnummer),
        ("16232100-0131", .organisationsnummer),
        ("22950606FH20", .reservnummer),
        ("22950606-FH20", .reservnummer),
        ("SE2321000131-E1", .hsaID),
        ("TSTNMT2321000156-1079", .hsaID),
        ("123", .personnummer),
        ("hello", .unknown),
        ("", .unknown),
        ("-", .unknown),
    ])
    func kindByShape(input: String, kind: IdentifierKind) {
        #expect(IdentifierInspector.inspect(input, today: referenceToday).kind == kind)
    }

    @Test func localReservnummerNeedsItsOID() {
        let withoutOID = IdentifierInspector.inspect("991981000010", today: referenceToday)
        #expect(withoutOID.kind != .reservnummer)
        #expect(!withoutOID.valid)
        let withOID = IdentifierInspector.inspect("991981000010", oid: "urn:oid:1.2.752.97.3.1.3", today: referenceToday)
        #expect(withOID.kind == .reservnummer)
        #expect(withOID.valid)
        #expect(withOID.oid == "1.2.752.97.3.1.3")
    }

    @Test(arguments: [
        ("1.2.752.129.2.1.3.1", IdentifierKind.personnummer),
        ("1.2.752.129.2.1.3.3", .samordningsnummer),
        ("1.2.752.74.9.1", .reservnummer),
        ("1.2.752.97.3.1.3", .reservnummer),
        ("1.2.752.113.11.0.2.1.1.1", .reservnummer),
        ("1.2.752.129.2.1.3.2", .reservnummer),
        ("1.2.752.129.2.1.4.1", .hsaID),
        ("1.2.752.29.4.19", .hsaID),
        ("1.2.752.29.6.2.1", .hsaID),
        ("1.2.752.29.4.3", .organisationsnummer),
        ("2.5.4.97", .organisationsnummer),
        ("1.3.7", .organisationsnummer),
    ])
    func everyKnownOIDNamesAScheme(oid: String, kind: IdentifierKind) {
        #expect(IdentifierScheme(oid: oid)?.kind == kind)
        #expect(IdentifierInspector.inspect("x", oid: oid, today: referenceToday).kind == kind)
    }

    @Test func unknownOID() {
        let report = IdentifierInspector.inspect("19121212-1212", oid: "1.2.3.4", today: referenceToday)
        #expect(report.kind == .unknown)
        #expect(report.errors.map(\.code) == [.unknownOID])
        #expect(IdentifierInspector.inspect("19121212-1212^^^&1.2.3.4&ISO", today: referenceToday).errors.map(\.code) == [.unknownOID])
    }

    @Test func oidDecidesOverShape() {
        // a samordningsnummer checked as a personnummer names the rule it breaks
        let report = IdentifierInspector.inspect("197010632391", oid: Personnummer.oid, today: referenceToday)
        #expect(report.kind == .personnummer)
        #expect(report.errors.map(\.code) == [.dayOutOfRange])
    }

    @Test func nridShapedValueWithCarelinkOIDWarns() {
        let report = IdentifierInspector.inspect("22950606FH20", oid: "1.2.752.129.2.1.3.2", today: referenceToday)
        #expect(report.kind == .reservnummer)
        #expect(!report.valid)
        #expect(report.warnings.map(\.code) == [.nridShapedValueWithCarelinkOID])
    }

    @Test func compositeIDForms() {
        let canonical = IdentifierInspector.inspect("991981000010^^^&1.2.752.97.3.1.3&ISO^PI", today: referenceToday)
        #expect(canonical.valid && canonical.kind == .reservnummer && canonical.warnings.isEmpty)
        let notISO = IdentifierInspector.inspect("191212121212^^^&1.2.752.129.2.1.3.1&DNS", today: referenceToday)
        #expect(notISO.valid && notISO.warnings.map(\.code) == [.universalIDTypeNotISO])
        let noAuthority = IdentifierInspector.inspect("191212121212^^^", today: referenceToday)
        #expect(noAuthority.valid && noAuthority.kind == .personnummer)
        let conflict = IdentifierInspector.inspect("191212121212^^^&1.2.752.129.2.1.3.1&ISO", oid: "1.2.752.129.2.1.3.3", today: referenceToday)
        #expect(conflict.errors.map(\.code).first == .conflictingOID)
    }

    @Test func enDashIsReadAsHyphenWithAWarning() {
        let report = IdentifierInspector.inspect("19121212–1212", today: referenceToday)
        #expect(report.valid)
        #expect(report.warnings.map(\.code) == [.normalisedDash])
    }

    @Test func jsonHasEveryKeyWithNullsWhereNotApplicable() throws {
        // setup
        let report = IdentifierInspector.inspect("19121212-1213", today: referenceToday)

        // MUT
        let data = try JSONEncoder().encode(report)

        // validate
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(object.keys) == ["input", "kind", "valid", "normalized", "oid", "birthDate", "sex", "testNumber", "errors", "warnings"])
        #expect(object["kind"] as? String == "personnummer")
        #expect(object["valid"] as? Bool == false)
        #expect(object["normalized"] is NSNull)
        #expect(object["sex"] is NSNull)
        #expect(object["oid"] as? String == Personnummer.oid)
        let errors = try #require(object["errors"] as? [[String: String]])
        #expect(errors == [[
            "code": "wrong-check-digit",
            "message": "Wrong check digit (Luhn): expected 2.",
            "messageSv": "Kontrollsiffran stämmer inte (Luhn): ska vara 2.",
        ]])
    }

    @Test func jsonOfAValidValue() throws {
        let data = try JSONEncoder().encode(IdentifierInspector.inspect("640823-3234", today: referenceToday))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["normalized"] as? String == "196408233234")
        #expect(object["birthDate"] as? String == "1964-08-23")
        #expect(object["sex"] as? String == "male")
        #expect(object["testNumber"] as? Bool == true)
        #expect(object["kind"] as? String == "personnummer")
        #expect((object["errors"] as? [Any])?.isEmpty == true)
    }

    @Test func textRendering() {
        let valid = IdentifierInspector.inspect("19121212-1212", today: referenceToday).text
        #expect(valid == """
            Personnummer 19121212-1212: giltigt / valid
              Normaliserat / Normalized  191212121212
              OID                        1.2.752.129.2.1.3.1
              Födelsedatum / Birth date  1912-12-12
              Kön / Sex                  man / male
              Testnummer / Test number   nej / no

            """)
        let invalid = IdentifierInspector.inspect("991981000011", oid: "1.2.752.97.3.1.3", today: referenceToday).text
        #expect(invalid.hasPrefix("Reservnummer 991981000011: ogiltigt / invalid\n"))
        #expect(invalid.contains("  Fel / Error        wrong-check-digit\n"))
        #expect(invalid.contains("                     en: Wrong check digit (Luhn over positions 5–11): expected 0.\n"))
        #expect(invalid.contains("  Varning / Warning  legacy-check-digit\n"))
    }

    @Test func textEscapesControlCharacters() {
        let text = IdentifierInspector.inspect("\u{1B}[31m", today: referenceToday).text
        #expect(text.hasPrefix("Okänd identifierare / Unknown identifier \\u{1B}[31m: ogiltigt / invalid"))
    }
}
