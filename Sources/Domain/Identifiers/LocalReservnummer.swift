/// A region's local reservnummer (reference §3.3), meaningful only together with its scheme's OID.
///
/// Schemes overlap in shape, so a value alone never tells its scheme: `parse` takes it. The check
/// digits follow Inera's "Lokala Reservidn" v1.2, which corrected the Region Stockholm, VGR and
/// Carelink examples. A Region Stockholm or VGR value whose check digit only fits the legacy rule
/// (Luhn over the whole string) is invalid, and the error carries a `legacy-check-digit` warning so
/// a technician can tell a legacy number from a typo.
public struct LocalReservnummer: SwedishIdentifier {
    /// The local schemes with a check digit; regions whose schemes have none are not covered.
    public enum Scheme: String, Sendable, Hashable, CaseIterable {
        /// Region Stockholm (SLL): `99` + `yyyy` + five-digit serial + `C`; Luhn over positions 5–11.
        case regionStockholm
        /// Västra Götalandsregionen: `yyyymmdd` (a real date) + `K`/`M`/`X` + `gg` + `C`; `K`→5,
        /// `M`→7, `X`→8, then Luhn over the last ten characters. `gg` 06–79 (odd man, even woman)
        /// or 80–89 (sex unknown).
        case vgr
        /// Inera Carelink: `yyyymm` + a day substitute 32–59 + `NNN` + `C`; Luhn over the last ten digits.
        case carelink

        /// The scheme's OID (reference §3.3).
        public var oid: String {
            switch self {
            case .regionStockholm: "1.2.752.97.3.1.3"
            case .vgr: "1.2.752.113.11.0.2.1.1.1"
            case .carelink: "1.2.752.129.2.1.3.2"
            }
        }

        var format: IdentifierFormat {
            switch self {
            case .regionStockholm: IdentifierFormat(
                    name: LocalizedText(sv: "Region Stockholms reservnummer", en: "Region Stockholm reservnummer"),
                    shape: LocalizedText(sv: "99ÅÅÅÅLLLLLK", en: "99YYYYSSSSSC"),
                    characters: IdentifierFormat.digitsOnly
                )
            case .vgr: IdentifierFormat(
                    name: LocalizedText(sv: "VGR:s reservnummer", en: "VGR reservnummer"),
                    shape: LocalizedText(sv: "ÅÅÅÅMMDD + K/M/X + två siffror + K", en: "YYYYMMDD + K/M/X + two digits + C"),
                    characters: IdentifierFormat.digitsOnly
                )
            case .carelink: IdentifierFormat(
                    name: LocalizedText(sv: "Carelinks reservnummer", en: "Carelink reservnummer"),
                    shape: LocalizedText(sv: "ÅÅÅÅMM + dag 32–59 + NNN + K", en: "YYYYMM + day 32–59 + NNN + C"),
                    characters: IdentifierFormat.digitsOnly
                )
            }
        }
    }

    /// The scheme the value was parsed by.
    public let scheme: Scheme
    /// The twelve characters.
    public let normalized: String
    /// The birth date text (`YYYY-MM-DD`, `00` for Carelink's replaced day); nil for Region Stockholm.
    public let birthDateText: String?
    /// From VGR's sex code; nil otherwise and for `X`.
    public let encodedSex: Sex?
    /// `partial-birth-date` for Carelink (the day is replaced); `sex-code-mismatch` for a VGR value
    /// whose sex code and serial disagree (Inera does not say they must agree, so it stays valid).
    public let warnings: [IdentifierIssue]

    /// Parses the twelve characters by `scheme`'s rules; no separator is allowed.
    public static func parse(_ text: String, scheme: Scheme) throws(IdentifierError) -> LocalReservnummer {
        switch scheme {
        case .regionStockholm: try parseRegionStockholm(text)
        case .vgr: try parseVGR(text)
        case .carelink: try parseCarelink(text)
        }
    }

    private static func parseRegionStockholm(_ text: String) throws(IdentifierError) -> LocalReservnummer {
        let format = Scheme.regionStockholm.format
        let value = try twelveDigits(text, format: format)
        guard value / 10_000_000_000 == 99 else {
            throw IdentifierError(.invalidPrefix(format, expected: LocalizedText(sv: "99", en: "99")))
        }
        var errors: [IdentifierIssue] = []
        var warnings: [IdentifierIssue] = []
        checkDigit(
            of: value % 10,
            expected: Luhn.checkDigit(payload: value / 10 % 10_000_000, count: 7),
            legacy: Luhn.checkDigit(payload: value / 10, count: 11),
            rule: LocalizedText(sv: "över position 5–11", en: "over positions 5–11"),
            errors: &errors,
            warnings: &warnings
        )
        guard errors.isEmpty else { throw IdentifierError(errors, warnings: warnings) }
        return LocalReservnummer(scheme: .regionStockholm, normalized: text, birthDateText: nil, encodedSex: nil, warnings: [])
    }

    private static let vgrPattern: [CharacterSlot] = Array(repeating: .digit, count: 8) + [.sexCode, .digit, .digit, .digit]

    private static func parseVGR(_ text: String) throws(IdentifierError) -> LocalReservnummer {
        let bytes = try CharacterSlot.read(text, pattern: vgrPattern, hyphenAt: nil, format: Scheme.vgr.format)
        let (year, month, day) = (bytes.decimalValue(0..<4), bytes.decimalValue(4..<6), bytes.decimalValue(6..<8))
        let code = bytes[8]
        let serial = bytes.decimalValue(9..<11)

        var errors: [IdentifierIssue] = []
        var warnings: [IdentifierIssue] = []
        if !CivilDate.isValid(year: year, month: month, day: day) {
            errors.append(.invalidDate(year: year, month: month, day: day))
        }
        if !(6...89).contains(serial) {
            errors.append(.invalidVGRSerial(serial))
        }
        // The sex code as the digit Inera's rule puts in its place.
        let codeDigit: UInt64 = code == UInt8(ascii: "K") ? 5 : code == UInt8(ascii: "M") ? 7 : 8
        let payload = UInt64(year * 10_000 + month * 100 + day) * 1000 + codeDigit * 100 + UInt64(serial)
        checkDigit(
            of: UInt64(bytes[11] - UInt8(ascii: "0")),
            expected: Luhn.checkDigit(payload: payload, count: 9),
            legacy: Luhn.checkDigit(payload: payload, count: 11),
            rule: LocalizedText(sv: "över de tio sista tecknen", en: "over the last ten characters"),
            errors: &errors,
            warnings: &warnings
        )
        guard errors.isEmpty else { throw IdentifierError(errors, warnings: warnings) }

        let sexFromCode: Sex? = code == UInt8(ascii: "K") ? .female : code == UInt8(ascii: "M") ? .male : nil
        let sexFromSerial: Sex? = serial >= 80 ? nil : serial % 2 == 1 ? .male : .female
        if sexFromCode != sexFromSerial {
            warnings.append(.sexCodeMismatch(code: Character(Unicode.Scalar(code)), serial: serial))
        }
        return LocalReservnummer(
            scheme: .vgr,
            normalized: text,
            birthDateText: CivilDate.isoText(year: year, month: month, day: day),
            encodedSex: sexFromCode,
            warnings: warnings
        )
    }

    private static func parseCarelink(_ text: String) throws(IdentifierError) -> LocalReservnummer {
        let format = Scheme.carelink.format
        let value = try twelveDigits(text, format: format)
        let year = Int(value / 100_000_000)
        let month = Int(value / 1_000_000 % 100)
        let daySubstitute = Int(value / 10_000 % 100)

        var errors: [IdentifierIssue] = []
        if !(1...12).contains(month) {
            errors.append(.invalidDate(year: year, month: month, day: 0))
        }
        if !(32...59).contains(daySubstitute) {
            errors.append(.dayOutOfRange(format, day: daySubstitute, allowed: "32–59"))
        }
        let expected = Luhn.checkDigit(payload: value / 10 % 1_000_000_000, count: 9)
        if expected != Int(value % 10) {
            errors.append(.wrongCheckDigit(expected: expected, rule: LocalizedText(sv: "över de tio sista siffrorna", en: "over the last ten digits")))
        }
        guard errors.isEmpty else { throw IdentifierError(errors) }
        return LocalReservnummer(
            scheme: .carelink,
            normalized: text,
            birthDateText: CivilDate.isoText(year: year, month: month, day: 0),
            encodedSex: nil,
            warnings: [.partialBirthDate(monthUnknown: false, dayUnknown: true)]
        )
    }

    /// Twelve ASCII digits, no separator, as one number.
    private static func twelveDigits(_ text: String, format: IdentifierFormat) throws(IdentifierError) -> UInt64 {
        let scan = try DigitScan.read(text, separators: .none, format: format)
        guard scan.count == 12 else { throw IdentifierError(.wrongLength(format, found: scan.count, unit: .digits)) }
        return scan.value
    }

    /// Inera v1.2's check digit, with a `legacy-check-digit` warning when only the legacy
    /// whole-string rule fits.
    private static func checkDigit(
        of actual: UInt64, expected: Int, legacy: Int, rule: LocalizedText,
        errors: inout [IdentifierIssue], warnings: inout [IdentifierIssue]
    ) {
        guard Int(actual) != expected else { return }
        errors.append(.wrongCheckDigit(expected: expected, rule: rule))
        if Int(actual) == legacy { warnings.append(.legacyCheckDigit) }
    }

    public var kind: IdentifierKind { .reservnummer }
    public var oid: String { scheme.oid }
    public var description: String { normalized }
}
