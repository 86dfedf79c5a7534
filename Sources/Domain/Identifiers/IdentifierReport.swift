/// What `anslut id` says about one value: its kind, whether it is valid, and why not.
///
/// Encodes to the `--json` shape, every key always present (`null` where not applicable):
/// `{"input", "kind", "valid", "normalized", "oid", "birthDate", "sex", "testNumber", "errors", "warnings"}`,
/// issues as `{"code", "message" (English), "messageSv"}`.
public struct IdentifierReport: Sendable, Hashable, Encodable {
    /// The text as given, CX components included.
    public let input: String
    /// What the value is (from the OID, else from its shape), also when it is invalid.
    public let kind: IdentifierKind
    /// The interface form (see `SwedishIdentifier.normalized`); nil when the value does not parse.
    public let normalized: String?
    /// The OID given (from `--oid` or the CX), else the kind's usual OID; nil for `unknown` without one.
    public let oid: String?
    /// `YYYY-MM-DD`, `00` for a part recorded as unknown; nil when the value does not parse or encodes none.
    public let birthDate: String?
    /// The sex the value encodes; nil when it does not parse, encodes none or records it as unknown.
    public let sex: Sex?
    /// Whether the value is one of Skatteverket's published test personnummer.
    public let testNumber: Bool
    /// Every broken rule; empty exactly when `valid`.
    public let errors: [IdentifierIssue]
    /// Remarks that do not affect `valid`.
    public let warnings: [IdentifierIssue]

    /// Valid when no rule is broken; warnings do not count.
    public var valid: Bool { errors.isEmpty }

    init(input: String, kind: IdentifierKind, normalized: String? = nil, oid: String?, birthDate: String? = nil,
         sex: Sex? = nil, testNumber: Bool = false, errors: [IdentifierIssue], warnings: [IdentifierIssue]) {
        self.input = input
        self.kind = kind
        self.normalized = normalized
        self.oid = oid
        self.birthDate = birthDate
        self.sex = sex
        self.testNumber = testNumber
        self.errors = errors
        self.warnings = warnings
    }

    private enum CodingKeys: String, CodingKey {
        case input, kind, valid, normalized, oid, birthDate, sex, testNumber, errors, warnings
    }

    // Written by hand so that absent values appear as null rather than missing keys.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(input, forKey: .input)
        try container.encode(kind, forKey: .kind)
        try container.encode(valid, forKey: .valid)
        try container.encode(normalized, forKey: .normalized)
        try container.encode(oid, forKey: .oid)
        try container.encode(birthDate, forKey: .birthDate)
        try container.encode(sex, forKey: .sex)
        try container.encode(testNumber, forKey: .testNumber)
        try container.encode(errors, forKey: .errors)
        try container.encode(warnings, forKey: .warnings)
    }
}
