/// The fields a case carries from its draft on, and the rules a draft must meet to be submitted.
///
/// A small common set for every platform: the connecting system, why, and whom to contact. The full order
/// forms (BFR's Del 1, TakeCare's request) extend it per platform.
public enum IntakeForm {
    /// One field of the form.
    public struct Field: Sendable, Hashable {
        public let key: String
        public let label: LocalizedText
        public let isRequired: Bool
        public let isEmail: Bool
    }

    public static let fields: [Field] = [
        Field(
            key: "system_name", label: LocalizedText(sv: "Systemnamn/Business Service", en: "System name/business service"),
            isRequired: true, isEmail: false),
        Field(
            key: "system_vendor", label: LocalizedText(sv: "Systemleverantör", en: "System vendor"),
            isRequired: false, isEmail: false),
        Field(
            key: "purpose",
            label: LocalizedText(sv: "Syfte/behov med integrationen", en: "Purpose of the integration"),
            isRequired: true, isEmail: false),
        Field(
            key: "contact_name", label: LocalizedText(sv: "Projektledare/uppdragsansvarig", en: "Project manager"),
            isRequired: true, isEmail: false),
        Field(
            key: "contact_email",
            label: LocalizedText(sv: "Projektledarens e-postadress", en: "Project manager's e-mail address"),
            isRequired: true, isEmail: true),
    ]

    /// The longest value a field takes.
    public static let maximumLength = 10_000

    /// Rules every save must meet: known fields, values not too long, e-mail addresses that are addresses.
    public static func checkDraft(_ values: [String: String]) -> [FieldError] {
        var errors: [FieldError] = []
        for key in values.keys.sorted() {
            let path = "fields.\(key)"
            guard let field = fields.first(where: { $0.key == key }) else {
                errors.append(
                    FieldError(
                        field: path, code: "unknown-field",
                        message: LocalizedText(sv: "Okänt fält \"\(key)\".", en: "Unknown field \"\(key)\".")))
                continue
            }
            let value = values[key]!
            if value.count > maximumLength {
                errors.append(
                    FieldError(
                        field: path, code: "too-long",
                        message: LocalizedText(
                            sv: "\(field.label.sv) får vara högst \(maximumLength) tecken.",
                            en: "\(field.label.en) may be at most \(maximumLength) characters.")))
            } else if field.isEmail, !value.trimmingWhitespace.isEmpty, EmailAddress(value) == nil {
                errors.append(EmailAddress.invalid(path))
            }
        }
        return errors
    }

    /// Rules a draft must meet to be submitted: the draft rules, and every required field filled in.
    public static func checkSubmission(_ values: [String: String]) -> [FieldError] {
        var errors = checkDraft(values)
        for field in fields where field.isRequired {
            if (values[field.key] ?? "").trimmingWhitespace.isEmpty {
                errors.append(.required("fields.\(field.key)", label: field.label))
            }
        }
        return errors
    }
}
