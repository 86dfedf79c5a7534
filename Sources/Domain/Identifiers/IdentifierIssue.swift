/// One broken rule (an error) or one remark (a warning) about an identifier value.
///
/// `code` is stable and meant for machines (API clients, tests, log queries); `message` names the
/// rule for a person in Swedish and English. Errors and warnings share this shape. Encodes as
/// `{"code": …, "message": English, "messageSv": Swedish}`, the item shape of `anslut id --json`.
public struct IdentifierIssue: Sendable, Hashable, Encodable {
    /// The rule, for machines.
    public let code: Code
    /// The rule, for people, in Swedish and English.
    public let message: LocalizedText

    /// An issue with a message of the caller's own; the identifier parsers word theirs themselves.
    public init(_ code: Code, _ message: LocalizedText) {
        self.code = code
        self.message = message
    }

    /// The stable machine codes. Renaming one breaks API clients: add a new one instead.
    public enum Code: String, Sendable, Hashable, CaseIterable, Encodable {
        // Shape of the text.
        case empty
        case tooLong = "too-long"
        case wrongLength = "wrong-length"
        case notASCIIDigit = "not-ascii-digit"
        case unexpectedCharacter = "unexpected-character"
        case misplacedSeparator = "misplaced-separator"
        case plusInTwelveDigitForm = "plus-in-twelve-digit-form"
        case invalidPrefix = "invalid-prefix"
        case invalidCharacter = "invalid-character"
        case invalidLetter = "invalid-letter"
        case missingSuffix = "missing-suffix"
        // Meaning of the digits.
        case invalidDate = "invalid-date"
        case dayOutOfRange = "day-out-of-range"
        case birthDateOutOfRange = "birth-date-out-of-range"
        case birthNumber000 = "birth-number-000"
        case wrongCheckDigit = "wrong-check-digit"
        case thirdDigitBelow2 = "third-digit-below-2"
        case invalidSeries = "invalid-series"
        case invalidSerial = "invalid-serial"
        case invalidSexCode = "invalid-sex-code"
        // Which kind of identifier it is.
        case unknownOID = "unknown-oid"
        case conflictingOID = "conflicting-oid"
        case unrecognised
        // Warnings only.
        case legacyCheckDigit = "legacy-check-digit"
        case normalisedDash = "normalised-dash"
        case partialBirthDate = "partial-birth-date"
        case testEnvironmentID = "test-environment-id"
        case sexCodeMismatch = "sex-code-mismatch"
        case oidInNamespaceID = "oid-in-namespace-id"
        case universalIDTypeNotISO = "universal-id-type-not-iso"
        case nridShapedValueWithCarelinkOID = "nrid-shaped-value-with-carelink-oid"
    }

    private enum CodingKeys: String, CodingKey {
        case code, message, messageSv
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(code, forKey: .code)
        try container.encode(message.en, forKey: .message)
        try container.encode(message.sv, forKey: .messageSv)
    }
}
