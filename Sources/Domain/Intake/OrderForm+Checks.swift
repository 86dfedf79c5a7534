import Foundation

extension OrderForm {
    /// The longest answer a field takes.
    public static let maximumLength = 10_000

    /// Rules every save meets, so a draft can be saved half done: only known fields, no answer too long or
    /// holding a control character (``FreeText``), and every answer given of its field's type. Errors name the field as `fields.<id>`.
    public func checkDraft(_ values: [String: String]) -> [FieldError] {
        var errors: [FieldError] = []
        for id in values.keys.sorted() {
            let path = "fields.\(id)"
            guard let field = field(id) else {
                errors.append(FieldError(
                    field: path, code: "unknown-field",
                    message: LocalizedText(sv: "Okänt fält \"\(id)\".", en: "Unknown field \"\(id)\".")))
                continue
            }
            let value = values[id]!.trimmingWhitespace
            if let error = FreeText.check(values[id]!, field: path) {
                errors.append(error)
            } else if value.count > Self.maximumLength {
                errors.append(FieldError(
                    field: path, code: "too-long",
                    message: LocalizedText(
                        sv: "\(field.label.sv) får vara högst \(Self.maximumLength) tecken.",
                        en: "\(field.label.en) may be at most \(Self.maximumLength) characters.")))
            } else if !value.isEmpty, let error = field.check(value, path: path) {
                errors.append(error)
            }
        }
        return errors
    }

    /// Rules the order meets to be submitted: the draft rules, every required field answered (also those
    /// required by another answer), and every affirmation ticked.
    public func checkSubmission(_ values: [String: String]) -> [FieldError] {
        var errors = checkDraft(values)
        let failed = Set(errors.map(\.field))
        for field in fields where isRequired(field, given: values) {
            let path = "fields.\(field.id)"
            guard !failed.contains(path), (values[field.id] ?? "").trimmingWhitespace.isEmpty else { continue }
            if field.type == .confirm {
                errors.append(FieldError(
                    field: path, code: "not-confirmed",
                    message: LocalizedText(
                        sv: "Kryssa i rutan för att intyga: \(field.label.sv)",
                        en: "Tick the box to affirm: \(field.label.en)")))
            } else {
                errors.append(.required(path, label: field.label))
            }
        }
        return errors
    }

    /// Answers that signal a risk the coordinator should see, in form order.
    public func risks(_ values: [String: String]) -> [(field: Field, text: LocalizedText)] {
        fields.compactMap { field in
            guard let risk = field.risk, field.answer(values[field.id], includes: risk.when) else { return nil }
            return (field, risk.text)
        }
    }

    /// Whether the field must be answered, given the other answers.
    public func isRequired(_ field: Field, given values: [String: String]) -> Bool {
        if field.isRequired { return true }
        guard let condition = field.requiredWhen, let other = self.field(condition.field) else { return false }
        return other.answer(values[other.id], includes: condition.equals)
    }
}

extension OrderForm.Field {
    /// Whether `answer` is, or for several choices includes, `value`.
    public func answer(_ answer: String?, includes value: String) -> Bool {
        guard let answer = answer?.trimmingWhitespace, !answer.isEmpty else { return false }
        return type == .choices ? Self.selection(answer).contains(value) : answer == value
    }

    /// The option ids of a several-choices answer.
    public static func selection(_ answer: String) -> [String] {
        answer.split(separator: ",").map { String($0).trimmingWhitespace }.filter { !$0.isEmpty }
    }

    /// The broken rule of a non-blank answer of this field's type, if any.
    func check(_ value: String, path: String) -> FieldError? {
        switch type {
        case .text, .textarea:
            return nil
        case .email:
            return EmailAddress(value) == nil ? EmailAddress.invalid(path) : nil
        case .organisationID:
            return checkOrganisationID(value, path: path)
        case .number:
            guard value.allSatisfy(\.isASCII), let number = Int(value), number >= 0 else {
                return FieldError(
                    field: path, code: "not-a-number",
                    message: LocalizedText(
                        sv: "\(label.sv): ange ett heltal, 0 eller mer (till exempel 250).",
                        en: "\(label.en): enter a whole number, 0 or more (for example 250)."))
            }
            return nil
        case .yesNo, .confirm:
            let allowed = type == .yesNo ? [OrderForm.yes, OrderForm.no] : [OrderForm.yes]
            guard allowed.contains(value) else {
                return FieldError(
                    field: path, code: "unknown-option",
                    message: LocalizedText(
                        sv: "\(label.sv): svara ja eller nej.", en: "\(label.en): answer yes or no."))
            }
            return nil
        case .choice, .choices:
            let chosen = type == .choice ? [value] : Self.selection(value)
            let known = Set(options.map(\.id))
            guard let unknown = chosen.first(where: { !known.contains($0) }) else { return nil }
            return FieldError(
                field: path, code: "unknown-option",
                message: LocalizedText(
                    sv: "\(label.sv): \"\(unknown)\" är inget av alternativen.",
                    en: "\(label.en): \"\(unknown)\" is not one of the options."))
        }
    }

    // An HSA-id always holds a letter (SE…-…); an organisationsnummer never does.
    private func checkOrganisationID(_ value: String, path: String) -> FieldError? {
        let isHSAId = value.contains { $0.isLetter }
        let issue: IdentifierIssue?
        do {
            if isHSAId { _ = try HSAId.parse(value) } else { _ = try Organisationsnummer.parse(value) }
            issue = nil
        } catch {
            issue = error.errors.first
        }
        guard let issue else { return nil }
        let what = isHSAId
            ? LocalizedText(sv: "HSA-id:t är ogiltigt", en: "The HSA-id is invalid")
            : LocalizedText(sv: "Organisationsnumret är ogiltigt", en: "The organisationsnummer is invalid")
        return FieldError(
            field: path, code: issue.code.rawValue,
            message: LocalizedText(sv: "\(what.sv): \(issue.message.sv)", en: "\(what.en): \(issue.message.en)"))
    }
}
