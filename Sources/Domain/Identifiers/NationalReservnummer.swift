/// A national reserve identity, NRID (reference §3.2): twelve characters `XXYYMMDDNNGC`, issued by
/// Inera's PU service when no personnummer or samordningsnummer is known.
///
/// * `XX` series: `00` for an unknown birth date, else the birth century + 3, 6, … 78
///   (19 → 22, 25, … 97; 20 → 23, 26, … 98).
/// * `YYMMDD`: the birth date; with series `00` a serial with month 20–99 and day 40–59.
/// * `NN`: two letters A–Z other than I, O, Q, V, W.
/// * `G`: a digit as in a personnummer (odd male, even female) or, sex unknown, such a letter.
/// * `C`: Luhn over the eleven characters before it, a letter counting as one term worth its ASCII code.
///
/// Accepts HL7 Sweden's display form with a hyphen after the eighth character (`22950606-FH20`).
public struct NationalReservnummer: SwedishIdentifier {
    /// OID of the national reservnummer (owner: PU-tjänsten, Inera). Not `1.2.752.129.2.1.3.2`,
    /// which older texts call "nationellt reservnummer" but is Carelink's local scheme.
    public static let oid = "1.2.752.74.9.1"

    static let format = IdentifierFormat(
        name: LocalizedText(sv: "nationellt reservnummer (NRID)", en: "national reservnummer (NRID)"),
        shape: LocalizedText(sv: "XXÅÅMMDDNNGK eller XXÅÅMMDD-NNGK", en: "XXYYMMDDNNGC or XXYYMMDD-NNGC"),
        characters: IdentifierFormat.digitsOnly
    )

    private static let pattern: [CharacterSlot] = Array(repeating: .digit, count: 8) + [.letter, .letter, .digitOrLetter, .digit]

    /// The twelve characters without hyphen.
    public let normalized: String
    /// The birth date; nil for series `00` (unknown).
    public let birthDate: CivilDate?
    /// nil when the sex position holds a letter (unknown).
    public let sex: Sex?

    /// Parses `XXYYMMDDNNGC` or `XXYYMMDD-NNGC` (upper-case letters only). Shape errors stop at the
    /// first; series, date and check digit are reported together.
    public static func parse(_ text: String) throws(IdentifierError) -> NationalReservnummer {
        let bytes = try CharacterSlot.read(text, pattern: pattern, hyphenAt: 8, format: format)
        let series = bytes.decimalValue(0..<2)
        let (year, month, day) = (bytes.decimalValue(2..<4), bytes.decimalValue(4..<6), bytes.decimalValue(6..<8))

        var errors: [IdentifierIssue] = []
        var birthDate: CivilDate?
        if series == 0 {
            if !(20...99).contains(month) || !(40...59).contains(day) {
                errors.append(.invalidUnknownDateSerial(month: month, day: day))
            }
        } else if (22...98).contains(series), series % 3 != 0 {
            let fullYear = (series % 3 == 1 ? 1900 : 2000) + year
            birthDate = CivilDate(year: fullYear, month: month, day: day)
            if birthDate == nil { errors.append(.invalidDate(year: fullYear, month: month, day: day)) }
        } else {
            errors.append(.invalidSeries(series))
        }
        var luhn = Luhn()
        for byte in bytes[0..<11].reversed() {
            luhn.prepend(byte.isASCIIDigit ? Int(byte - UInt8(ascii: "0")) : Int(byte))
        }
        if luhn.checkDigit != Int(bytes[11] - UInt8(ascii: "0")) {
            errors.append(.wrongCheckDigit(expected: luhn.checkDigit, rule: LocalizedText(sv: "med bokstäver som ASCII-kod", en: "with letters as their ASCII code")))
        }
        guard errors.isEmpty else { throw IdentifierError(errors) }

        let sexByte = bytes[10]
        return NationalReservnummer(
            normalized: String(decoding: bytes, as: UTF8.self),
            birthDate: birthDate,
            sex: sexByte.isASCIIDigit ? (sexByte % 2 == 1 ? .male : .female) : nil
        )
    }

    public var kind: IdentifierKind { .reservnummer }
    public var oid: String { Self.oid }
    public var birthDateText: String? { birthDate?.description }
    public var encodedSex: Sex? { sex }

    /// `XXYYMMDD-NNGC`, HL7 Sweden's display form.
    public var description: String {
        "\(normalized.prefix(8))-\(normalized.suffix(4))"
    }
}
