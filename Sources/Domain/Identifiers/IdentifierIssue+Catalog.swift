// Every message about an identifier, in one place so the two languages stay in step.
extension IdentifierIssue {
    // MARK: Shape of the text

    static let empty = IdentifierIssue(.empty, LocalizedText(sv: "Värdet är tomt.", en: "The value is empty."))

    static func inputTooLong(limit: Int) -> IdentifierIssue {
        IdentifierIssue(.tooLong, LocalizedText(
            sv: "Värdet är längre än \(limit) byte och granskas inte.",
            en: "The value is longer than \(limit) bytes and is not examined."
        ))
    }

    static func tooLong(_ format: IdentifierFormat, length: Int, limit: Int) -> IdentifierIssue {
        IdentifierIssue(.tooLong, LocalizedText(
            sv: "Värdet är \(length) tecken långt; högst \(limit) är tillåtet (\(format.name.sv)).",
            en: "The value is \(length) characters long; at most \(limit) are allowed (\(format.name.en))."
        ))
    }

    /// Worded when read: a local identifier checked under a scheme's OID (a RIS number under VGR's) draws this for
    /// every message of a session, and the HL7 checks keep the issue only as a finding's sentence.
    static func wrongLength(_ format: IdentifierFormat, found: Int, unit: LengthUnit) -> IdentifierIssue {
        IdentifierIssue(.wrongLength, LocalizedText(deferred: WrongLengthText(format: format, found: found, unit: unit)))
    }

    private struct WrongLengthText: LocalizedTextSource {
        let format: IdentifierFormat
        let found: Int
        let unit: LengthUnit

        func text(in language: Language) -> String {
            language == .en
                ? LocalizedText.sentence(
                    "Wrong number of ", unit.en, " for ", format.name.en, ": ", String(found), " (the form is ", format.shape.en, ").")
                : LocalizedText.sentence(
                    "Fel antal ", unit.sv, " för ", format.name.sv, ": ", String(found), " (formen är ", format.shape.sv, ").")
        }
    }

    /// The unit `wrongLength` counts in.
    enum LengthUnit: Sendable {
        case digits, characters
        var sv: String { self == .digits ? "siffror" : "tecken" }
        var en: String { self == .digits ? "digits" : "characters" }
    }

    /// The issue for the character of `text` that holds UTF-8 offset `byteOffset`: a Unicode digit
    /// that is not ASCII (`not-ascii-digit`) or any other stray character.
    static func unexpectedCharacter(in text: String, atByteOffset byteOffset: Int, expected: LocalizedText) -> IdentifierIssue {
        let (found, position) = character(in: text, atByteOffset: byteOffset)
        let shown = quoted(found)
        // Only to word the message: a digit of another script is refused like any character,
        // but telling the user it is "not an ASCII digit" explains why it looks right and is not.
        if found.unicodeScalars.first?.properties.numericType != nil {
            return IdentifierIssue(.notASCIIDigit, LocalizedText(
                sv: "Tecknet \(shown) på plats \(position) är inte en siffra 0–9; bara ASCII-siffror godtas.",
                en: "The character \(shown) at position \(position) is not a digit 0–9; only ASCII digits are accepted."
            ))
        }
        return IdentifierIssue(.unexpectedCharacter, LocalizedText(
            sv: "Tecknet \(shown) på plats \(position) hör inte hit; väntade \(expected.sv).",
            en: "The character \(shown) at position \(position) does not belong here; expected \(expected.en)."
        ))
    }

    static func misplacedSeparator(_ format: IdentifierFormat) -> IdentifierIssue {
        IdentifierIssue(.misplacedSeparator, LocalizedText(
            sv: "Skiljetecknet står på fel plats för \(format.name.sv) (formen är \(format.shape.sv)).",
            en: "The separator is in the wrong place for \(format.name.en) (the form is \(format.shape.en))."
        ))
    }

    static let plusInTwelveDigitForm = IdentifierIssue(.plusInTwelveDigitForm, LocalizedText(
        sv: "'+' hör bara hemma i den tiosiffriga formen; med fyrsiffrigt årtal ska det stå '-' eller inget.",
        en: "'+' belongs only in the ten-digit form; with a four-digit year write '-' or nothing."
    ))

    static func invalidPrefix(_ format: IdentifierFormat, expected: LocalizedText) -> IdentifierIssue {
        IdentifierIssue(.invalidPrefix, LocalizedText(
            sv: "Värdet ska börja med \(expected.sv) (\(format.name.sv)).",
            en: "The value must start with \(expected.en) (\(format.name.en))."
        ))
    }

    static func invalidCharacter(in text: String, atByteOffset byteOffset: Int, allowed: LocalizedText) -> IdentifierIssue {
        let (found, position) = character(in: text, atByteOffset: byteOffset)
        return IdentifierIssue(.invalidCharacter, LocalizedText(
            sv: "Tecknet \(quoted(found)) på plats \(position) är inte tillåtet; bara \(allowed.sv).",
            en: "The character \(quoted(found)) at position \(position) is not allowed; only \(allowed.en)."
        ))
    }

    /// `orDigit`: the position also takes a digit (the national reservnummer's sex position).
    static func invalidLetter(in text: String, atByteOffset byteOffset: Int, orDigit: Bool) -> IdentifierIssue {
        let (found, position) = character(in: text, atByteOffset: byteOffset)
        let sv = orDigit ? "en siffra eller en versal" : "en versal"
        let en = orDigit ? "a digit or a capital" : "a capital"
        return IdentifierIssue(.invalidLetter, LocalizedText(
            sv: "Tecknet \(quoted(found)) på plats \(position) ska vara \(sv) A–Z utom I, O, Q, V och W.",
            en: "The character \(quoted(found)) at position \(position) must be \(en) A–Z other than I, O, Q, V and W."
        ))
    }

    static let missingSuffix = IdentifierIssue(.missingSuffix, LocalizedText(
        sv: "Efter organisationsnumret ska '-' och minst ett tecken A–Z, a–z eller 0–9 följa.",
        en: "The organisationsnummer must be followed by '-' and at least one character A–Z, a–z or 0–9."
    ))

    // MARK: Meaning of the digits

    static func invalidDate(year: Int, month: Int, day: Int) -> IdentifierIssue {
        let date = CivilDate.isoText(year: year, month: month, day: day)
        return IdentifierIssue(.invalidDate, LocalizedText(
            sv: "Datumet \(date) finns inte.",
            en: "The date \(date) does not exist."
        ))
    }

    static func dayOutOfRange(_ format: IdentifierFormat, day: Int, allowed: String) -> IdentifierIssue {
        let written = twoDigits(day)
        return IdentifierIssue(.dayOutOfRange, LocalizedText(
            sv: "Dagen \(written) ligger utanför \(allowed), som gäller för \(format.name.sv).",
            en: "Day \(written) is outside \(allowed), the range for \(format.name.en)."
        ))
    }

    static func birthDateInFuture(_ birth: String, today: CivilDate) -> IdentifierIssue {
        IdentifierIssue(.birthDateOutOfRange, LocalizedText(
            sv: "Födelsedatumet \(birth) ligger efter dagens datum (\(today)).",
            en: "The birth date \(birth) is after today (\(today))."
        ))
    }

    static func birthYearTooEarly(_ year: Int, earliest: Int) -> IdentifierIssue {
        IdentifierIssue(.birthDateOutOfRange, LocalizedText(
            sv: "Födelseåret \(year) ligger före \(earliest) och kan inte skrivas i den tiosiffriga formen.",
            en: "The birth year \(year) is before \(earliest) and cannot be written in the ten-digit form."
        ))
    }

    static let birthNumber000 = IdentifierIssue(.birthNumber000, LocalizedText(
        sv: "Födelsenumret 000 delas aldrig ut (bara 001–999).",
        en: "Birth number 000 is never issued (only 001–999)."
    ))

    /// `rule` names what the Luhn sum runs over when that is not simply all digits before the check digit.
    static func wrongCheckDigit(expected: Int, rule: LocalizedText? = nil) -> IdentifierIssue {
        let sv = rule.map { "Luhn \($0.sv)" } ?? "Luhn"
        let en = rule.map { "Luhn \($0.en)" } ?? "Luhn"
        return IdentifierIssue(.wrongCheckDigit, LocalizedText(
            sv: "Kontrollsiffran stämmer inte (\(sv)): ska vara \(expected).",
            en: "Wrong check digit (\(en)): expected \(expected)."
        ))
    }

    static func thirdDigitBelow2(_ digit: Int) -> IdentifierIssue {
        IdentifierIssue(.thirdDigitBelow2, LocalizedText(
            sv: "Tredje siffran i organisationsnumret är \(digit); den är alltid 2 eller högre (lägre tyder på ett personnummer).",
            en: "The third digit of the organisationsnummer is \(digit); it is always 2 or more (lower suggests a personnummer)."
        ))
    }

    static func invalidSeries(_ series: Int) -> IdentifierIssue {
        IdentifierIssue(.invalidSeries, LocalizedText(
            sv: "Serien \(twoDigits(series)) finns inte för nationellt reservnummer: 00 (okänt födelsedatum) eller sekel + 3, 6, … 78 (22–98, ej delbart med 3).",
            en: "Series \(twoDigits(series)) does not exist for a national reservnummer: 00 (unknown birth date) or century + 3, 6, … 78 (22–98, not divisible by 3)."
        ))
    }

    static func invalidUnknownDateSerial(month: Int, day: Int) -> IdentifierIssue {
        IdentifierIssue(.invalidSerial, LocalizedText(
            sv: "Med okänt födelsedatum (serie 00) ska månadssiffrorna vara 20–99 och dagsiffrorna 40–59; här \(twoDigits(month)) och \(twoDigits(day)).",
            en: "With an unknown birth date (series 00) the month digits must be 20–99 and the day digits 40–59; here \(twoDigits(month)) and \(twoDigits(day))."
        ))
    }

    static func invalidVGRSerial(_ serial: Int) -> IdentifierIssue {
        IdentifierIssue(.invalidSerial, LocalizedText(
            sv: "Löpnumret \(twoDigits(serial)) ska vara 06–79 (udda man, jämnt kvinna) eller 80–89 (okänt kön).",
            en: "The serial \(twoDigits(serial)) must be 06–79 (odd man, even woman) or 80–89 (unknown sex)."
        ))
    }

    static func invalidSexCode(in text: String, atByteOffset byteOffset: Int) -> IdentifierIssue {
        let (found, position) = character(in: text, atByteOffset: byteOffset)
        return IdentifierIssue(.invalidSexCode, LocalizedText(
            sv: "Könskoden \(quoted(found)) på plats \(position) ska vara K (kvinna), M (man) eller X (okänt).",
            en: "The sex code \(quoted(found)) at position \(position) must be K (woman), M (man) or X (unknown)."
        ))
    }

    // MARK: Which kind of identifier

    static func unknownOID(_ oid: String) -> IdentifierIssue {
        IdentifierIssue(.unknownOID, LocalizedText(
            sv: "OID \(oid) är ingen känd typ av svensk identifierare.",
            en: "OID \(oid) is not a known kind of Swedish identifier."
        ))
    }

    static func conflictingOID(given: String, inCX: String) -> IdentifierIssue {
        IdentifierIssue(.conflictingOID, LocalizedText(
            sv: "OID i CX-värdet (\(inCX)) skiljer sig från den angivna (\(given)).",
            en: "The OID in the CX value (\(inCX)) differs from the one given (\(given))."
        ))
    }

    static let unrecognised = IdentifierIssue(.unrecognised, LocalizedText(
        sv: "Värdet liknar ingen känd svensk identifierare; ett lokalt reservnummer känns bara igen med sin OID (--oid).",
        en: "The value looks like no known Swedish identifier; a local reservnummer is only recognised with its OID (--oid)."
    ))

    // MARK: Warnings

    static let legacyCheckDigit = IdentifierIssue(.legacyCheckDigit, LocalizedText(
        sv: "Kontrollsiffran stämmer bara med den äldre regeln (Luhn över hela värdet), inte med Ineras regel v1.2: troligen ett äldre nummer, inte ett skrivfel.",
        en: "The check digit is valid only under the legacy whole-string Luhn rule, not under Inera's v1.2 rule: probably a legacy number rather than a typo."
    ))

    static func normalisedDash(_ character: Character) -> IdentifierIssue {
        IdentifierIssue(.normalisedDash, LocalizedText(
            sv: "Tecknet \(quoted(character)) lästes som bindestreck '-'.",
            en: "The character \(quoted(character)) was read as a hyphen '-'."
        ))
    }

    static func partialBirthDate(monthUnknown: Bool, dayUnknown: Bool) -> IdentifierIssue {
        let sv = monthUnknown && dayUnknown ? "Födelsemånad och födelsedag är okända"
            : monthUnknown ? "Födelsemånaden är okänd" : "Födelsedagen är okänd"
        let en = monthUnknown && dayUnknown ? "The birth month and day are unknown"
            : monthUnknown ? "The birth month is unknown" : "The birth day is unknown"
        return IdentifierIssue(.partialBirthDate, LocalizedText(
            sv: "\(sv) (00 i födelsedatumet).",
            en: "\(en) (00 in the birth date)."
        ))
    }

    static let testEnvironmentID = IdentifierIssue(.testEnvironmentID, LocalizedText(
        sv: "Prefixet TSTNMT betyder ett HSA-id för testmiljö; det hör inte hemma i produktion.",
        en: "The TSTNMT prefix marks a test-environment HSA-id; it does not belong in production."
    ))

    static func sexCodeMismatch(code: Character, serial: Int) -> IdentifierIssue {
        IdentifierIssue(.sexCodeMismatch, LocalizedText(
            sv: "Könskoden \(quoted(code)) och löpnumret \(twoDigits(serial)) anger olika kön.",
            en: "The sex code \(quoted(code)) and the serial \(twoDigits(serial)) state different sexes."
        ))
    }

    static let oidInNamespaceID = IdentifierIssue(.oidInNamespaceID, LocalizedText(
        sv: "OID står i HD.1 (namnrymd) i stället för i HD.2/HD.3 som &OID&ISO; godtas, men IHE-mottagare kräver &OID&ISO.",
        en: "The OID is in HD.1 (namespace ID) instead of HD.2/HD.3 as &OID&ISO; accepted, but IHE receivers require &OID&ISO."
    ))

    static func universalIDTypeNotISO(_ type: String) -> IdentifierIssue {
        IdentifierIssue(.universalIDTypeNotISO, LocalizedText(
            sv: "Typen av universellt id (HD.3) är '\(type)'; för en OID ska den vara 'ISO'.",
            en: "The universal ID type (HD.3) is '\(type)'; for an OID it must be 'ISO'."
        ))
    }

    static let nridShapedValueWithCarelinkOID = IdentifierIssue(.nridShapedValueWithCarelinkOID, LocalizedText(
        sv: "Värdet har formen av ett nationellt reservnummer (NRID, OID 1.2.752.74.9.1) men skickas med Carelinks OID 1.2.752.129.2.1.3.2, som äldre texter kallar \"nationellt reservnummer\"; det tolkas inte om.",
        en: "The value is shaped like a national reservnummer (NRID, OID 1.2.752.74.9.1) but comes with Carelink's OID 1.2.752.129.2.1.3.2, which older texts call \"nationellt reservnummer\"; it is not reinterpreted."
    ))

    // MARK: Helpers

    /// The character holding UTF-8 offset `byteOffset` of `text` and its position (1-based, in
    /// characters as a person counts them). Texts reaching here are at most a few dozen bytes.
    private static func character(in text: String, atByteOffset byteOffset: Int) -> (Character, Int) {
        var position = 1
        for index in text.indices {
            if text.utf8.distance(from: text.startIndex, to: text.index(after: index)) > byteOffset {
                return (text[index], position)
            }
            position += 1
        }
        return ("?", position)
    }

    private static func quoted(_ character: Character) -> String {
        let scalar = character.unicodeScalars.first?.value ?? 0
        let hex = String(scalar, radix: 16, uppercase: true)
        return "'\(character)' (U+\(String(repeating: "0", count: max(0, 4 - hex.count)))\(hex))"
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
