/// A Swedish organisationsnummer (reference §5.1): ten digits `NNNNNN-NNNN`, the last a Luhn check
/// digit over the other nine; the third digit is always 2 or more, so it never looks like a
/// personnummer's month.
///
/// Stored as the ten digits; `16`, the prefix of the twelve-digit variant for legal persons, is
/// accepted and dropped. A sole trader's personnummer is not an organisationsnummer here.
public struct Organisationsnummer: SwedishIdentifier {
    /// The OID RIV-TA service contracts and CDA use (`1.2.752.29.4.3`); `oids` lists all accepted.
    public static let oid = "1.2.752.29.4.3"
    /// Every OID that names an organisationsnummer: RIV-TA/CDA, FHIR's X.520 organizationIdentifier
    /// (`2.5.4.97`) and ISO 6523 ICD 0007 (`1.3.7`). Which one a receiver expects is its profile's choice.
    public static let oids = [oid, "2.5.4.97", "1.3.7"]

    static let format = IdentifierFormat(
        name: LocalizedText(sv: "organisationsnummer", en: "organisationsnummer"),
        shape: LocalizedText(sv: "NNNNNN-NNNN, NNNNNNNNNN eller 16 följt av tio siffror", en: "NNNNNN-NNNN, NNNNNNNNNN or 16 followed by ten digits"),
        characters: IdentifierFormat.digitsAndHyphen
    )

    /// The ten digits as one number.
    let value: UInt64

    /// For `HSAId`, which checks the embedded number with its own rules.
    init(tenDigits value: UInt64) {
        self.value = value
    }

    /// Parses `NNNNNN-NNNN`, `NNNNNNNNNN`, `16NNNNNN-NNNN` or `16NNNNNNNNNN`: ASCII digits and at most
    /// one `-` before the last four digits. Errors: shape, a third digit below 2, the check digit.
    public static func parse(_ text: String) throws(IdentifierError) -> Organisationsnummer {
        let scan = try DigitScan.read(text, separators: .hyphen, format: format)
        guard scan.count == 10 || scan.count == 12 else {
            throw IdentifierError(.wrongLength(format, found: scan.count, unit: .digits))
        }
        if scan.separator != nil, scan.digitsBeforeSeparator != scan.count - 4 {
            throw IdentifierError(.misplacedSeparator(format))
        }
        if scan.count == 12, scan.value / 10_000_000_000 != 16 {
            throw IdentifierError(.invalidPrefix(format, expected: LocalizedText(sv: "16 i den tolvsiffriga formen", en: "16 in the twelve-digit form")))
        }
        let number = Organisationsnummer(tenDigits: scan.value % 10_000_000_000)
        var errors: [IdentifierIssue] = []
        if number.thirdDigit < 2 {
            errors.append(.thirdDigitBelow2(number.thirdDigit))
        }
        if let expected = number.expectedCheckDigit {
            errors.append(.wrongCheckDigit(expected: expected))
        }
        guard errors.isEmpty else { throw IdentifierError(errors) }
        return number
    }

    /// The group number (first digit); 2 is the state, regions and municipalities.
    public var groupNumber: Int { Int(value / 1_000_000_000) }

    var thirdDigit: Int { Int(value / 10_000_000 % 10) }

    /// The check digit the first nine digits call for, nil when the tenth digit is that.
    var expectedCheckDigit: Int? {
        let expected = Luhn.checkDigit(payload: value / 10, count: 9)
        return expected == Int(value % 10) ? nil : expected
    }

    /// `NNNNNNNNNN`, the form to store and send.
    public var digits: String { String(zeroPadded: value, width: 10) }

    public var kind: IdentifierKind { .organisationsnummer }
    public var oid: String { Self.oid }
    public var normalized: String { digits }

    /// `NNNNNN-NNNN`, the form to show.
    public var description: String {
        String(zeroPadded: value / 10_000, width: 6) + "-" + String(zeroPadded: value, width: 4)
    }
}
