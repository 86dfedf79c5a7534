/// What a person types into a case search: trimmed, at most ``maxLength`` characters and free of control
/// characters, so a search can neither fail in the database (a 60,000-character pattern) nor smuggle in what
/// cannot be shown. `%` and `_` are plain characters here; the store escapes them.
public struct SearchText: Sendable, Hashable {
    public static let maxLength = 200
    public let text: String

    /// Nil for an empty search; a named error for one that breaks a rule.
    public static func parse(_ raw: String, field: String = "q") throws(ValidationFailure) -> SearchText? {
        let text = raw.trimmingWhitespace
        if text.count > maxLength {
            throw ValidationFailure([FieldError(
                field: field, code: "too-long",
                message: LocalizedText(
                    sv: "Sökningen får vara högst \(maxLength) tecken lång.",
                    en: "A search may be at most \(maxLength) characters long."))])
        }
        if let error = FreeText.check(text, field: field) { throw ValidationFailure([error]) }
        return text.isEmpty ? nil : SearchText(text: text)
    }
}
