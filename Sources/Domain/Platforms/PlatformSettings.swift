import Foundation

/// A platform's own settings, edited by an admin: its name and contact address, and a settings document
/// that later parts of the product extend (verification endpoints, trust anchors, upstream receivers). Every
/// key of the document is known here with its rule, so a misspelt key is refused instead of ignored.
public struct PlatformSettings: Sendable, Hashable {
    public var name: String
    public var contactEmail: EmailAddress?
    /// The settings document as a JSON object.
    public var document: [String: CanonicalJSON]

    /// The keys the document may hold, with what each must be.
    public static let knownKeys: [String: LocalizedText] = [
        "queueCapacity": LocalizedText(
            sv: "hur många ärenden plattformen arbetar med samtidigt (heltal 1–1000)",
            en: "how many cases the platform works on at once (a whole number 1–1000)"),
    ]

    public init(name: String, contactEmail: EmailAddress?, document: [String: CanonicalJSON]) {
        self.name = name
        self.contactEmail = contactEmail
        self.document = document
    }

    /// The settings from a form or a request, or every broken rule at its field (`name`, `contact`,
    /// `settings`).
    public static func validate(
        name: String, contactEmail: String, documentText: String
    ) -> Result<PlatformSettings, ValidationFailure> {
        var errors = FreeText.check([("name", name), ("settings", documentText)])
        let trimmedName = name.trimmingWhitespace
        if trimmedName.isEmpty { errors.append(.required("name", label: LocalizedText(sv: "Namnet", en: "The name"))) }
        var contact: EmailAddress?
        let trimmedContact = contactEmail.trimmingWhitespace
        if !trimmedContact.isEmpty {
            contact = EmailAddress(trimmedContact)
            if contact == nil { errors.append(EmailAddress.invalid("contact")) }
        }
        var document: [String: CanonicalJSON] = [:]
        let text = documentText.trimmingWhitespace.isEmpty ? "{}" : documentText
        do {
            try StrictJSON.validate(Array(text.utf8))
            let value = try JSONDecoder().decode(CanonicalJSON.self, from: Data(text.utf8))
            guard case .object(let members) = value else { throw StrictJSON.SyntaxError(offset: 0, reason: "not an object") }
            document = members
            errors += documentErrors(members)
        } catch {
            errors.append(FieldError(
                field: "settings", code: "invalid-json",
                message: LocalizedText(
                    sv: "Inställningarna ska vara ett JSON-objekt (\(error)).",
                    en: "The settings must be a JSON object (\(error)).")))
        }
        guard errors.isEmpty else { return .failure(ValidationFailure(errors)) }
        return .success(PlatformSettings(name: trimmedName, contactEmail: contact, document: document))
    }

    private static func documentErrors(_ members: [String: CanonicalJSON]) -> [FieldError] {
        var errors: [FieldError] = []
        for key in members.keys.sorted() where knownKeys[key] == nil {
            let known = knownKeys.keys.sorted().joined(separator: ", ")
            errors.append(FieldError(
                field: "settings", code: "unknown-setting",
                message: LocalizedText(sv: "Okänd inställning \"\(key)\"; kända är \(known).",
                                       en: "Unknown setting \"\(key)\"; known ones are \(known).")))
        }
        if let capacity = members["queueCapacity"] {
            if case .int(let value) = capacity, queueCapacityRange.contains(Int(value)) {} else {
                errors.append(FieldError(
                    field: "settings", code: "invalid-setting",
                    message: LocalizedText(sv: "queueCapacity ska vara \(knownKeys["queueCapacity"]!.sv).",
                                           en: "queueCapacity must be \(knownKeys["queueCapacity"]!.en).")))
            }
        }
        return errors
    }

    /// How many onboardings the team runs at once: the queue's places (``defaultQueueCapacity`` until set).
    public var queueCapacity: Int {
        if case .int(let value)? = document["queueCapacity"] { return Int(value) }
        return Self.defaultQueueCapacity
    }

    public static let defaultQueueCapacity = 3
    /// What `queueCapacity` may be, from the document or the coordinator's form alike.
    static let queueCapacityRange = 1...1000

    /// The capacity a coordinator typed, or the broken rule at `capacity`.
    public static func validateCapacity(_ text: String) -> Result<Int, ValidationFailure> {
        guard let value = Int(text.trimmingWhitespace), queueCapacityRange.contains(value) else {
            return .failure(ValidationFailure([FieldError(
                field: "capacity", code: "invalid-capacity",
                message: LocalizedText(sv: "Kapaciteten ska vara \(knownKeys["queueCapacity"]!.sv).",
                                       en: "The capacity must be \(knownKeys["queueCapacity"]!.en)."))]))
        }
        return .success(value)
    }

    /// The settings document in its canonical text.
    public var documentText: String { CanonicalJSON.object(document).encoded }
}
