extension AssessmentMatrix {
    /// The assessment `input` makes, or every broken rule at its field (`scores/<criterion>`,
    /// `rationales/<criterion>`, `employees`, `notes/<note>`, `reason`). `replacing` is the case's current
    /// assessment, if any: then a reason is required, since the history must say why the order changed.
    public func assess(_ input: AssessmentInput, replacing previous: Assessment?) -> Result<Assessment, ValidationFailure> {
        var errors: [FieldError] = []
        var scores: [Assessment.Score] = []
        for criterion in criteria {
            let field = "scores/\(criterion.id)"
            let allowed = criterion.values.map(String.init).joined(separator: ", ")
            guard let value = input.scores[criterion.id] else {
                errors.append(FieldError(field: field, code: "required", message: LocalizedText(
                    sv: "\(criterion.title.sv): ett betyg (\(allowed)) måste anges.",
                    en: "\(criterion.title.en): a score (\(allowed)) is required.")))
                continue
            }
            if !criterion.values.contains(value) {
                errors.append(FieldError(field: field, code: "score-not-allowed", message: LocalizedText(
                    sv: "\(criterion.title.sv): betyget \(value) är inte tillåtet; tillåtna är \(allowed).",
                    en: "\(criterion.title.en): the score \(value) is not allowed; allowed are \(allowed).")))
            }
            let rationale = (input.rationales[criterion.id] ?? "").trimmingWhitespace
            if rationale.isEmpty {
                errors.append(FieldError(field: "rationales/\(criterion.id)", code: "required", message: LocalizedText(
                    sv: "\(criterion.title.sv): en kort motivering måste anges.",
                    en: "\(criterion.title.en): a short rationale is required.")))
            } else if rationale.count > 2000 {
                errors.append(FieldError(field: "rationales/\(criterion.id)", code: "too-long", message: LocalizedText(
                    sv: "\(criterion.title.sv): motiveringen får vara högst 2 000 tecken.",
                    en: "\(criterion.title.en): the rationale may be at most 2,000 characters.")))
            }
            errors += FreeText.check([("rationales/\(criterion.id)", rationale)])
            scores.append(Assessment.Score(criterion: criterion.id, value: value, weight: criterion.weight, rationale: rationale))
        }
        for id in input.scores.keys.sorted() where criterion(id) == nil {
            errors.append(FieldError(field: "scores/\(id)", code: "unknown-criterion", message: LocalizedText(
                sv: "Kriteriet \"\(id)\" finns inte i matrisen \(reference).",
                en: "The criterion \"\(id)\" is not in the matrix \(reference).")))
        }
        var notes: [String: String] = [:]
        for (id, text) in input.notes.sorted(by: { $0.key < $1.key }) {
            guard self.notes.contains(where: { $0.id == id }) else {
                errors.append(FieldError(field: "notes/\(id)", code: "unknown-note", message: LocalizedText(
                    sv: "Faktorn \"\(id)\" finns inte i matrisen \(reference).",
                    en: "The factor \"\(id)\" is not in the matrix \(reference).")))
                continue
            }
            let trimmed = text.trimmingWhitespace
            if let error = FreeText.check(trimmed, field: "notes/\(id)") { errors.append(error) }
            if !trimmed.isEmpty { notes[id] = trimmed }
        }
        var sizeClass: SizeClass?
        if let employees = input.employees {
            if employees < 0 || employees > 10_000_000 {
                errors.append(FieldError(field: "employees", code: "out-of-range", message: LocalizedText(
                    sv: "Antalet anställda ska vara ett heltal 0–10 000 000.",
                    en: "The number of employees must be a whole number 0–10,000,000.")))
            } else {
                sizeClass = size.sizeClass(employees: employees)
            }
        } else {
            errors.append(.required("employees", label: LocalizedText(
                sv: "Vårdgivarens storlek (antal anställda)", en: "The care provider's size (number of employees)")))
        }
        let reason = input.reason?.trimmingWhitespace ?? ""
        if let error = FreeText.check(reason, field: "reason") { errors.append(error) }
        if previous != nil, reason.isEmpty {
            errors.append(FieldError(field: "reason", code: "required", message: LocalizedText(
                sv: "Ange varför bedömningen ändras; historiken visar det.",
                en: "Say why the assessment changes; the history shows it.")))
        }
        guard errors.isEmpty else { return .failure(ValidationFailure(errors)) }
        return .success(Assessment(
            matrix: reference, scores: scores, employees: input.employees, sizeClass: sizeClass?.id,
            sizePoints: sizeClass?.points ?? 0, notes: notes, reason: reason.isEmpty ? nil : reason))
    }

    /// The applicant's own proposal read from the order: a score per criterion where one was chosen, and the size.
    public func proposal(from fields: [String: String]) -> (scores: [String: Int], employees: Int?) {
        var scores: [String: Int] = [:]
        for criterion in criteria {
            if let name = criterion.proposalField, let value = fields[name].flatMap({ Int($0.trimmingWhitespace) }) {
                scores[criterion.id] = value
            }
        }
        let employees = size.field.flatMap { fields[$0] }.flatMap { Int($0.trimmingWhitespace) }
        return (scores, employees)
    }

    /// The total the applicant's proposal would give, when every criterion has a proposed score.
    public func proposedTotal(from fields: [String: String]) -> Int? {
        let (scores, employees) = proposal(from: fields)
        guard scores.count == criteria.count else { return nil }
        let points = employees.flatMap { size.sizeClass(employees: $0)?.points } ?? 0
        return criteria.reduce(points) { $0 + (scores[$1.id] ?? 0) * $1.weight }
    }
}
