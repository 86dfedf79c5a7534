/// An HSA-id (reference §5.2): `SE`, the directory owner's organisationsnummer (ten digits, or `16`
/// and ten), `-`, then one or more of `A–Z a–z 0–9`; at most 31 characters in all.
///
/// Also accepts the test-environment shape `TSTNMT` + organisationsnummer + `-` + suffix
/// (e.g. `TSTNMT2321000156-1079`) as valid, with a `test-environment-id` warning. Whether the id
/// exists, and whether it names a unit, a person or a function, only an HSA lookup can tell.
public struct HSAId: SwedishIdentifier {
    /// The OID of the HSA-id type in RIV-TA and HL7 v2 (`1.2.752.129.2.1.4.1`); `oids` lists all accepted.
    public static let oid = "1.2.752.129.2.1.4.1"
    /// The HSA-id OIDs: Inera's, the FHIR/openEHR alternative `1.2.752.29.4.19` and the one for a
    /// person's HSA-id (`1.2.752.29.6.2.1`, FHIR Practitioner and SAML `employeeHsaId`).
    public static let oids = [oid, "1.2.752.29.4.19", "1.2.752.29.6.2.1"]

    /// The longest HSA-id allowed, in characters.
    public static let maximumLength = 31

    static let format = IdentifierFormat(
        name: LocalizedText(sv: "HSA-id", en: "HSA-id"),
        shape: LocalizedText(sv: "SE + organisationsnummer (10 siffror, eller 16 + 10) + '-' + tecken", en: "SE + organisationsnummer (10 digits, or 16 + 10) + '-' + characters"),
        characters: IdentifierFormat.digitsAndHyphen
    )

    /// The id exactly as given (the suffix is case-sensitive).
    public let text: String
    /// The directory owner's organisationsnummer embedded after the prefix.
    public let organisationsnummer: Organisationsnummer
    /// Whether the prefix is `TSTNMT`, Inera's test-environment shape.
    public let isTestEnvironment: Bool

    /// Parses `text` exactly as given: no trimming, no case folding (the prefix is upper case).
    /// Shape errors stop at the first; an over-long id and a wrong check digit of the embedded
    /// organisationsnummer are reported together.
    public static func parse(_ text: String) throws(IdentifierError) -> HSAId {
        try DigitScan.checkLength(of: text)
        var contiguous = text  // `withUTF8` needs a variable; a native string is not copied
        let shape = try contiguous.withUTF8 { readShape($0, of: text) }.get()
        let organisationsnummer = Organisationsnummer(tenDigits: shape.organisationsnummer)
        var errors: [IdentifierIssue] = []
        // Every byte is ASCII by now, so bytes are characters.
        if shape.length > maximumLength {
            errors.append(.tooLong(format, length: shape.length, limit: maximumLength))
        }
        if let expected = organisationsnummer.expectedCheckDigit {
            errors.append(.wrongCheckDigit(expected: expected, rule: LocalizedText(sv: "i organisationsnumret", en: "in the organisationsnummer")))
        }
        guard errors.isEmpty else { throw IdentifierError(errors) }
        return HSAId(text: text, organisationsnummer: organisationsnummer, isTestEnvironment: shape.isTestEnvironment)
    }

    /// What a well-formed id is made of; its rules beyond the shape are checked by `parse`.
    private struct Shape {
        let organisationsnummer: UInt64
        let isTestEnvironment: Bool
        let length: Int
    }

    /// The prefix, the embedded organisationsnummer's digits, `-` and the suffix's characters.
    private static func readShape(_ bytes: UnsafeBufferPointer<UInt8>, of text: String) -> Result<Shape, IdentifierError> {
        let isTest = bytes.starts(with: "TSTNMT".utf8)
        guard isTest || bytes.starts(with: "SE".utf8) else {
            return .failure(IdentifierError(.invalidPrefix(format, expected: LocalizedText(sv: "SE (TSTNMT i testmiljö)", en: "SE (TSTNMT in test environments)"))))
        }
        let start = isTest ? 6 : 2
        var offset = start
        var digits: UInt64 = 0
        while offset < bytes.count, bytes[offset] != UInt8(ascii: "-") {
            guard bytes[offset].isASCIIDigit else {
                return .failure(IdentifierError(.unexpectedCharacter(in: text, atByteOffset: offset, expected: format.characters)))
            }
            if offset - start < 12 { digits = digits * 10 + UInt64(bytes[offset] - UInt8(ascii: "0")) }
            offset += 1
        }
        let count = offset - start
        guard count == 10 || (count == 12 && digits / 10_000_000_000 == 16) else {
            return .failure(IdentifierError(.wrongLength(format, found: count, unit: .digits)))
        }
        guard offset + 1 < bytes.count else { return .failure(IdentifierError(.missingSuffix)) }
        for suffixOffset in offset + 1..<bytes.count where !isSuffixByte(bytes[suffixOffset]) {
            return .failure(IdentifierError(.invalidCharacter(in: text, atByteOffset: suffixOffset, allowed: suffixCharacters)))
        }
        return .success(Shape(organisationsnummer: digits % 10_000_000_000, isTestEnvironment: isTest, length: bytes.count))
    }

    private static let suffixCharacters = LocalizedText(sv: "A–Z, a–z och 0–9 efter '-'", en: "A–Z, a–z and 0–9 after '-'")

    private static func isSuffixByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
        default: false
        }
    }

    public var kind: IdentifierKind { .hsaID }
    public var oid: String { Self.oid }
    public var normalized: String { text }

    /// `test-environment-id` for `TSTNMT`; `third-digit-below-2` when the embedded number's third
    /// digit is below 2 (Inera's rules do not require it, so it is not an error here).
    public var warnings: [IdentifierIssue] {
        var warnings: [IdentifierIssue] = []
        if isTestEnvironment { warnings.append(.testEnvironmentID) }
        if organisationsnummer.thirdDigit < 2 { warnings.append(.thirdDigitBelow2(organisationsnummer.thirdDigit)) }
        return warnings
    }

    public var description: String { text }
}
