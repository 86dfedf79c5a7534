extension Assessment {
    /// The total in plain language, a line per part: "Lagkrav: 4", "Patientsäkerhet: 3 × 2 = 6", then the size
    /// class, then the sum; `matrix` gives the names (the one the assessment pinned).
    public func breakdown(with matrix: AssessmentMatrix) -> [LocalizedText] {
        var lines = scores.map { score -> LocalizedText in
            let title = matrix.criterion(score.criterion)?.title ?? LocalizedText(sv: score.criterion, en: score.criterion)
            let product = score.weight == 1 ? "\(score.value)" : "\(score.value) × \(score.weight) = \(score.points)"
            return LocalizedText(sv: "\(title.sv): \(product)", en: "\(title.en): \(product)")
        }
        if let sizeClass, let size = matrix.size.classes.first(where: { $0.id == sizeClass }) {
            let sv = employees.map { "\($0) anställda, " } ?? ""
            let en = employees.map { "\($0) employees, " } ?? ""
            lines.append(LocalizedText(sv: "Storlek: \(sv)\(size.title.sv): \(sizePoints)",
                                       en: "Size: \(en)\(size.title.en): \(sizePoints)"))
        }
        lines.append(LocalizedText(sv: "Summa: \(total) av högst \(matrix.maximumTotal)",
                                   en: "Total: \(total) of at most \(matrix.maximumTotal)"))
        return lines
    }

    /// What changed from `previous`, criterion by criterion, for the history: "Patientsäkerhet 2 → 3".
    public func changes(from previous: Assessment, with matrix: AssessmentMatrix) -> [LocalizedText] {
        var lines: [LocalizedText] = []
        for score in scores {
            let before = previous.score(score.criterion)?.value
            if before != score.value {
                let title = matrix.criterion(score.criterion)?.title ?? LocalizedText(sv: score.criterion, en: score.criterion)
                let change = "\(before.map(String.init) ?? "–") → \(score.value)"
                lines.append(LocalizedText(sv: "\(title.sv) \(change)", en: "\(title.en) \(change)"))
            }
        }
        if sizeClass != previous.sizeClass {
            lines.append(LocalizedText(sv: "Storlek \(previous.sizePoints) → \(sizePoints)",
                                       en: "Size \(previous.sizePoints) → \(sizePoints)"))
        }
        if total != previous.total {
            lines.append(LocalizedText(sv: "Summa \(previous.total) → \(total)", en: "Total \(previous.total) → \(total)"))
        }
        return lines
    }
}
