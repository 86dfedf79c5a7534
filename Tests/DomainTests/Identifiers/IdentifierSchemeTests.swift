import Domain
import Testing

/// The OID table the HL7 checks match bytes against is the one `IdentifierScheme(oid:)` reads.
@Suite struct IdentifierSchemeTests {
    static let oids = [
        "1.2.752.129.2.1.3.1", "1.2.752.129.2.1.3.3", "1.2.752.74.9.1", "1.2.752.29.4.3", "2.5.4.97", "1.3.7",
        "1.2.752.129.2.1.4.1", "1.2.752.29.4.19", "1.2.752.29.6.2.1", "1.2.752.97.3.1.3", "1.2.752.113.11.0.2.1.1.1",
        "1.2.752.129.2.1.3.2",
    ]

    @Test func everyKnownOIDIsFoundByItsBytes() {
        for oid in Self.oids {
            let known = Array(oid.utf8).withUnsafeBufferPointer { IdentifierScheme.knownOID(utf8: $0) }
            #expect(known?.oid == oid && known?.scheme == IdentifierScheme(oid: oid), "\(oid)")
        }
    }

    @Test func anythingElseIsLeftToTheStringForm() {
        for text in ["urn:oid:1.2.752.129.2.1.3.1", "1.2.752.129.2.1.3", "1.2.752.129.2.1.3.1 ", "", "1.2.3"] {
            #expect(Array(text.utf8).withUnsafeBufferPointer { IdentifierScheme.knownOID(utf8: $0) } == nil, "\(text)")
        }
        #expect(IdentifierScheme(oid: "urn:oid:1.2.752.129.2.1.3.1") == .personnummer)
    }
}
