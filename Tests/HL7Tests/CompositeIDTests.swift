import Testing

@testable import HL7

@Suite struct CompositeIDTests {
    @Test func splitsPersonnummerWithOIDAuthority() throws {
        let identifiers = try Message(Fixtures.admit).patientIdentifiers

        #expect(identifiers.count == 2)
        #expect(
            identifiers[0]
                == ExtendedCompositeID(
                    id: "191212121212",
                    assigningAuthority: HierarchicDesignator(
                        universalID: "1.2.752.129.2.1.3.1", universalIDType: "ISO"),
                    identifierTypeCode: "PN"))
        #expect(identifiers[1].id == "123456")
        #expect(identifiers[1].assigningAuthority?.namespaceID == "RIS")
        #expect(identifiers[1].assigningAuthority?.universalID == "1.2.752.113.11.0.2.1.1.1")
        #expect(identifiers[1].identifierTypeCode == "PI")
    }

    @Test func acceptsOIDAsPlainNamespace() throws {
        // Inera's PCD-01 guide puts the OID in CX.4 without subcomponents (reference §4.3).
        let message = try Message("MSH|^~\\&\rPID|||191212129876^^^1.2.752.129.2.1.3.1^PI")
        let identifier = try #require(message.patientIdentifiers.first)

        #expect(identifier.assigningAuthority == HierarchicDesignator(namespaceID: "1.2.752.129.2.1.3.1"))
        #expect(identifier.identifierTypeCode == "PI")
    }

    @Test func usesTheMessagesOwnDelimiters() throws {
        let message = try Message("MSH#:*!@\rPID###991981000010:::@1.2.752.97.3.1.3@ISO:PI*5!F!5")
        let identifiers = message.patientIdentifiers

        #expect(identifiers.map(\.id) == ["991981000010", "5#5"])
        #expect(identifiers[0].assigningAuthority?.universalID == "1.2.752.97.3.1.3")
        #expect(identifiers[1].assigningAuthority == nil)
    }

    @Test func keepsCheckDigitsAndSkipsEmptyRepetitions() throws {
        let message = try Message("MSH|^~\\&\rMRG|~12345^7^M10^^MR~\rPID|1")

        #expect(
            message.compositeIDs(at: "MRG-1")
                == [
                    ExtendedCompositeID(id: "12345", checkDigit: "7", checkDigitScheme: "M10", identifierTypeCode: "MR")
                ])
        #expect(message.patientIdentifiers.isEmpty)
        #expect(message.compositeIDs(at: "MSH-2").isEmpty)
    }

    @Test func readsFromAnElement() throws {
        let message = try Message(Fixtures.admit)
        let repetition = try #require(message.element(at: "PID-3[2]"))

        #expect(ExtendedCompositeID(repetition).id == "123456")
    }

    @Test func escapedValuesAreDecoded() throws {
        let message = try Message("MSH|^~\\&\rPID|||A\\T\\B^^^Sjukhus \\S\\ Öst&1.2.3&ISO")
        let identifier = try #require(message.patientIdentifiers.first)

        #expect(identifier.id == "A&B")
        #expect(identifier.assigningAuthority?.namespaceID == "Sjukhus ^ Öst")
    }
}
