/// What every parsed Swedish identifier value offers beyond its own API, so that
/// `IdentifierInspector` can report on any of them the same way.
public protocol SwedishIdentifier: Sendable, Hashable, CustomStringConvertible {
    /// The family the value belongs to.
    var kind: IdentifierKind { get }
    /// The OID of the value's scheme (for a local reservnummer, its region's).
    var oid: String { get }
    /// The form interfaces carry (RIV-TA `extension`, FHIR `value`, HL7 CX.1): twelve characters
    /// without separator for person identifiers, ten digits for an organisationsnummer.
    var normalized: String { get }
    /// The birth date the value encodes as `YYYY-MM-DD`, `00` for a part recorded as unknown;
    /// nil when the value encodes none.
    var birthDateText: String? { get }
    /// The sex the value encodes; nil when it encodes none or records it as unknown.
    var encodedSex: Sex? { get }
    /// Remarks that leave the value valid, e.g. an unknown birth month or a test-environment HSA-id.
    var warnings: [IdentifierIssue] { get }
}

extension SwedishIdentifier {
    public var birthDateText: String? { nil }
    public var encodedSex: Sex? { nil }
    public var warnings: [IdentifierIssue] { [] }
}
