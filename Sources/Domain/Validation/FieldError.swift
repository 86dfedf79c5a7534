/// One broken rule on one input field: what the API returns in a problem's `errors` and the pages show next
/// to the field.
public struct FieldError: Sendable, Hashable, Codable {
    /// Where the value sits, as a JSON-pointer-like path (`email`, `fields.contactEmail`, `items/del2.x`).
    public let field: String
    /// A stable machine code such as `required`, `invalid-email`, `wrong-check-digit`.
    public let code: String
    public let message: LocalizedText

    public init(field: String, code: String, message: LocalizedText) {
        self.field = field
        self.code = code
        self.message = message
    }

    /// The common case of a missing value.
    public static func required(_ field: String, label: LocalizedText) -> FieldError {
        FieldError(
            field: field, code: "required",
            message: LocalizedText(sv: "\(label.sv) måste anges.", en: "\(label.en) is required."))
    }
}

/// Input that broke one or more rules; carries every broken rule, not only the first.
public struct ValidationFailure: Error, Sendable, Hashable {
    public let errors: [FieldError]

    public init(_ errors: [FieldError]) {
        self.errors = errors
    }
}
