/// Tells what a Swedish identifier is and whether it is valid: the logic behind `anslut id`.
///
/// Pure: the same input, OID and "today" always give the same report.
public enum IdentifierInspector {
    /// Inputs longer than this many UTF-8 bytes are refused unread. It leaves room for a CX value
    /// with its assigning authority; each identifier's own parser refuses more than 64 bytes.
    public static let inputLimit = 128

    /// Inspects `input`: a bare value, or an HL7 v2 CX (`VALUE^^^&OID&ISO`, `VALUE^^^OID^PI`) whose
    /// OID in CX.4 then says the scheme.
    ///
    /// With an OID (`oid`, or from the CX; `urn:oid:` prefix allowed) the value is checked by that
    /// OID's scheme, and an OID naming no known scheme gives kind `unknown` with `unknown-oid`. Without
    /// one the kind follows the shape:
    /// * `SE…` or `TSTNMT…`: HSA-id;
    /// * eight digits then a letter (a hyphen between allowed): national reservnummer;
    /// * otherwise, for 10 or 12 digits, the ten-digit part decides: third digit 2 or more (month
    ///   digits ≥ 20), or `16` before ten digits: organisationsnummer; day digits 60–91:
    ///   samordningsnummer; anything else: personnummer (invalid if the day is no day at all).
    ///
    /// A local reservnummer is only recognised with its OID: its shape overlaps the others'. Dash
    /// characters such as the en dash are read as `-` with a `normalised-dash` warning.
    public static func inspect(_ input: String, oid givenOID: String? = nil, today: CivilDate) -> IdentifierReport {
        guard input.utf8.count <= inputLimit else {
            return IdentifierReport(input: input, kind: .unknown, oid: nil, errors: [.inputTooLong(limit: inputLimit)], warnings: [])
        }
        let composite = CompositeID(input)
        var errors: [IdentifierIssue] = []
        var warnings = composite.warnings
        let given = givenOID.map(IdentifierScheme.bare)
        if let given, let fromCX = composite.oid, given != fromCX {
            errors.append(.conflictingOID(given: given, inCX: fromCX))
        }
        let oid = given ?? composite.oid
        let value = normalisingDashes(composite.value, warnings: &warnings)
        guard !value.isEmpty else {
            return IdentifierReport(input: input, kind: .unknown, oid: oid, errors: errors + [.empty], warnings: warnings)
        }

        let scheme: IdentifierScheme
        if let oid {
            guard let named = IdentifierScheme(oid: oid) else {
                return IdentifierReport(input: input, kind: .unknown, oid: oid, errors: errors + [.unknownOID(oid)], warnings: warnings)
            }
            scheme = named
        } else {
            guard let shaped = schemeByShape(of: value) else {
                return IdentifierReport(input: input, kind: .unknown, oid: nil, errors: errors + [.unrecognised], warnings: warnings)
            }
            scheme = shaped
        }
        if scheme == .localReservnummer(.carelink), schemeByShape(of: value) == .nationalReservnummer {
            warnings.append(.nridShapedValueWithCarelinkOID)
        }

        do {
            let identifier = try scheme.parse(value, today: today)
            return IdentifierReport(
                input: input,
                kind: identifier.kind,
                normalized: identifier.normalized,
                oid: oid ?? identifier.oid,
                birthDate: identifier.birthDateText,
                sex: identifier.encodedSex,
                testNumber: (identifier as? Personnummer)?.isTestNumber ?? false,
                errors: errors,
                warnings: warnings + identifier.warnings
            )
        } catch {
            return IdentifierReport(input: input, kind: scheme.kind, oid: oid ?? scheme.oid, errors: errors + error.errors, warnings: warnings + error.warnings)
        }
    }

    /// The scheme a value's shape suggests, or nil when it looks like none (see `inspect`).
    static func schemeByShape(of value: String) -> IdentifierScheme? {
        // A lower-case "se" still counts, so that the report names the HSA-id's prefix rule.
        if value.prefix(2).lowercased() == "se" || value.hasPrefix("TSTNMT") { return .hsaID }
        let bytes = Array(value.utf8.prefix(14))
        let lead = bytes.prefix(while: \.isASCIIDigit).count
        guard lead > 0 else { return nil }
        let next = lead < bytes.count ? bytes[lead] : nil
        let afterHyphen = next == UInt8(ascii: "-") && lead + 1 < bytes.count ? bytes[lead + 1] : next
        if lead == 8, let letter = afterHyphen,
           (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(letter) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(letter) {
            return .nationalReservnummer
        }
        let separated = next == UInt8(ascii: "-") || next == UInt8(ascii: "+")
        let offset = (separated ? lead == 8 : lead >= 12) ? 2 : 0
        if offset == 2, bytes[0] == UInt8(ascii: "1"), bytes[1] == UInt8(ascii: "6") { return .organisationsnummer }
        guard lead >= offset + 6 else { return .personnummer }
        let month = bytes.decimalValue(offset + 2..<offset + 4)
        let day = bytes.decimalValue(offset + 4..<offset + 6)
        if month >= 20 { return .organisationsnummer }
        if (60...91).contains(day) { return .samordningsnummer }
        return .personnummer
    }

    /// Dashes people paste from word processors (hyphen, non-breaking hyphen, figure dash, en and em
    /// dash, horizontal bar, minus sign, small and fullwidth hyphen-minus).
    private static let dashes: Set<Character> = [
        "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2015}", "\u{2212}", "\u{FE58}", "\u{FE63}", "\u{FF0D}",
    ]

    /// `value` with every dash character replaced by `-`, and a warning naming the first one.
    private static func normalisingDashes(_ value: String, warnings: inout [IdentifierIssue]) -> String {
        guard let dash = value.first(where: dashes.contains) else { return value }
        warnings.append(.normalisedDash(dash))
        return String(value.map { dashes.contains($0) ? "-" : $0 })
    }
}
