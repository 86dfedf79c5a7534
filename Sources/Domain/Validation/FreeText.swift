/// The rule every free-text input meets (order answers, thread messages, reasons, comments, names): no C0
/// control character other than tab, line feed and carriage return, and no DEL. Such a character cannot be
/// shown as it is (a NUL cut a message short on the page and in the API), so it is refused at its field
/// instead of being stored.
public enum FreeText {
    /// The broken rule, naming `field` and the first offending character; nil when `text` is fine.
    public static func check(_ text: String, field: String) -> FieldError? {
        guard let (offset, scalar) = text.unicodeScalars.enumerated().first(where: { isRefused($0.element) }) else {
            return nil
        }
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: 4 - hex.count) + hex
        return FieldError(
            field: field, code: "control-character",
            message: LocalizedText(
                sv: "Texten innehåller ett otillåtet styrtecken (\(code), tecken \(offset + 1)).",
                en: "The text holds a control character that is not allowed (\(code), character \(offset + 1))."))
    }

    /// Every broken rule among `texts`, keyed by their fields, in the order given.
    public static func check(_ texts: [(field: String, text: String)]) -> [FieldError] {
        texts.compactMap { check($0.text, field: $0.field) }
    }

    static func isRefused(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: false
        case 0x00..<0x20, 0x7F: true
        default: false
        }
    }
}
