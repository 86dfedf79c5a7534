extension OrderForm {
    /// Every problem with the form as part of a definition: ids well formed and unique, texts not blank,
    /// options exactly where a choice needs them, conditions and risks that can hold, and attachment kinds
    /// that exist.
    public func validate(at path: DefinitionPath) -> [DefinitionProblem] {
        var problems: [DefinitionProblem] = []
        var seen: Set<String> = []
        func report(_ code: DefinitionProblem.Code, _ path: DefinitionPath, _ sv: String, _ en: String) {
            problems.append(DefinitionProblem(code, at: path, LocalizedText(sv: sv, en: en)))
        }
        for (sectionIndex, section) in sections.enumerated() {
            let sectionPath = path.appending("sections").appending(index: sectionIndex)
            for (id, idPath) in [(section.id, sectionPath.appending("id"))]
                + section.fields.enumerated().map({ ($1.id, sectionPath.appending("fields").appending(index: $0).appending("id")) })
            {
                if !Self.isFieldID(id) {
                    report(.invalidFieldID, idPath,
                           "Id:t \"\(id)\" ska vara gemena a–z, siffror och _, och börja med en bokstav.",
                           "The id \"\(id)\" must be lower-case a–z, digits and _, starting with a letter.")
                } else if !seen.insert(id).inserted {
                    report(.duplicateField, idPath, "Id:t \"\(id)\" finns redan i formuläret.",
                           "The id \"\(id)\" is already used in the form.")
                }
            }
            for (language, text) in [("sv", section.title.sv), ("en", section.title.en)] where text.trimmingWhitespace.isEmpty {
                report(.emptyText, sectionPath.appending("title").appending(language), "Rubriken (\(language)) är tom.",
                       "The title (\(language)) is empty.")
            }
            for kind in section.attachments where DocumentKind(rawValue: kind) == nil {
                report(.unknownAttachment, sectionPath.appending("attachments"),
                       "Okänd bilagetyp \"\(kind)\" (kända: \(DocumentKind.allCases.map(\.rawValue).joined(separator: ", "))).",
                       "Unknown attachment kind \"\(kind)\" (known: \(DocumentKind.allCases.map(\.rawValue).joined(separator: ", "))).")
            }
            for (fieldIndex, field) in section.fields.enumerated() {
                let fieldPath = sectionPath.appending("fields").appending(index: fieldIndex)
                for (language, text) in [("sv", field.label.sv), ("en", field.label.en)] where text.trimmingWhitespace.isEmpty {
                    report(.emptyText, fieldPath.appending("label").appending(language),
                           "Fältets text (\(language)) är tom.", "The field's label (\(language)) is empty.")
                }
                let needsOptions = field.type == .choice || field.type == .choices
                if needsOptions == field.options.isEmpty {
                    report(.fieldOptions, fieldPath.appending("options"),
                           needsOptions ? "Fältet \(field.id) är ett val men har inga alternativ."
                               : "Fältet \(field.id) är inget val men har alternativ.",
                           needsOptions ? "The field \(field.id) is a choice but has no options."
                               : "The field \(field.id) is not a choice but has options.")
                }
                if let risk = field.risk, !field.accepts(risk.when) {
                    report(.fieldCondition, fieldPath.appending("risk"),
                           "Fältet \(field.id) kan inte få svaret \"\(risk.when)\".",
                           "The field \(field.id) cannot have the answer \"\(risk.when)\".")
                }
                if let condition = field.requiredWhen {
                    if condition.field == field.id || !fields.contains(where: { $0.id == condition.field }) {
                        report(.fieldCondition, fieldPath.appending("required_when"),
                               "Villkoret nämner fältet \(condition.field), som inte finns (eller är fältet självt).",
                               "The condition names the field \(condition.field), which does not exist (or is the field itself).")
                    } else if let other = self.field(condition.field), !other.accepts(condition.equals) {
                        report(.fieldCondition, fieldPath.appending("required_when"),
                               "Fältet \(other.id) kan inte få svaret \"\(condition.equals)\".",
                               "The field \(other.id) cannot have the answer \"\(condition.equals)\".")
                    }
                }
            }
        }
        return problems
    }

    private static func isFieldID(_ id: String) -> Bool {
        guard let first = id.first, first.isASCII, first.isLowercase else { return false }
        return id.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") }
    }
}

extension OrderForm.Field {
    /// Whether `answer` is one this field can have, for conditions and risks on fixed answers.
    func accepts(_ answer: String) -> Bool {
        switch type {
        case .yesNo: [OrderForm.yes, OrderForm.no].contains(answer)
        case .confirm: answer == OrderForm.yes
        case .choice, .choices: options.contains { $0.id == answer }
        case .text, .textarea, .email, .organisationID, .number: false
        }
    }
}
