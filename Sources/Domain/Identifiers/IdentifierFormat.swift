/// How one identifier scheme is named and written, for the messages of its errors.
struct IdentifierFormat: Sendable {
    /// The scheme's name as it reads inside a sentence.
    let name: LocalizedText
    /// The accepted written forms, e.g. `ÅÅMMDD-NNNK` / `YYMMDD-NNNC`.
    let shape: LocalizedText
    /// The characters the forms are made of, completing "expected …".
    let characters: LocalizedText

    static let digitsAndSeparator = LocalizedText(
        sv: "siffrorna 0–9 och ett skiljetecken - eller +",
        en: "the digits 0–9 and one separator - or +"
    )
    static let digitsAndHyphen = LocalizedText(sv: "siffrorna 0–9 och ett -", en: "the digits 0–9 and one -")
    static let digitsOnly = LocalizedText(sv: "siffrorna 0–9", en: "the digits 0–9")
}
