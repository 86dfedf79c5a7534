extension AssessmentMatrix {
    /// What is wrong with the matrix itself, if anything, each naming its place in the file.
    public func problems() -> [LocalizedText] {
        var problems: [LocalizedText] = []
        func add(_ sv: String, _ en: String) { problems.append(LocalizedText(sv: sv, en: en)) }
        func isID(_ text: String) -> Bool {
            !text.isEmpty && text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || "_-.".unicodeScalars.contains($0) }
        }
        if !isID(id) { add("id: \"\(id)\" är inget id (a–z, 0–9, _ - .).", "id: \"\(id)\" is no id (a–z, 0–9, _ - .).") }
        if platform.isEmpty || !platform.allSatisfy({ ($0.isUppercase && $0.isASCII) || $0.isNumber || $0 == "_" }) {
            add("platform: \"\(platform)\" är ingen plattformskod.", "platform: \"\(platform)\" is no platform code.")
        }
        if version < 1 { add("version: måste vara 1 eller mer.", "version: must be 1 or more.") }
        if criteria.isEmpty { add("criteria: minst ett kriterium.", "criteria: at least one criterion.") }
        var seen = Set<String>()
        for criterion in criteria {
            let at = "criteria: \(criterion.id)"
            if !isID(criterion.id) { add("\(at): inget id.", "\(at): no id.") }
            if !seen.insert(criterion.id).inserted { add("\(at) finns två gånger.", "\(at) is listed twice.") }
            if criterion.values.isEmpty || criterion.values != criterion.values.sorted() || Set(criterion.values).count != criterion.values.count
                || criterion.values.contains(where: { !(0...100).contains($0) })
            {
                add("\(at): values ska vara olika heltal 0–100 i stigande ordning.",
                    "\(at): values must be distinct whole numbers 0–100 in rising order.")
            }
            if !(1...10).contains(criterion.weight) { add("\(at): weight ska vara 1–10.", "\(at): weight must be 1–10.") }
        }
        if size.classes.isEmpty {
            add("size.classes: minst en storleksklass.", "size.classes: at least one size class.")
        } else {
            if size.classes[0].minEmployees != 0 {
                add("size.classes: den första klassen börjar på 0 anställda.", "size.classes: the first class starts at 0 employees.")
            }
            if zip(size.classes, size.classes.dropFirst()).contains(where: { $0.minEmployees >= $1.minEmployees }) {
                add("size.classes: min_employees ska stiga från klass till klass.",
                    "size.classes: min_employees must rise from class to class.")
            }
            if size.classes.contains(where: { !(0...100).contains($0.points) }) {
                add("size.classes: points ska vara 0–100.", "size.classes: points must be 0–100.")
            }
        }
        for note in notes where !seen.insert(note.id).inserted {
            add("notes: \(note.id) finns två gånger eller är också ett kriterium.",
                "notes: \(note.id) is listed twice or is also a criterion.")
        }
        let placeable: Set<CaseStatus> = [.inProgress, .onHold, .returnedForCompletion]
        if !placeStatuses.contains(.inProgress) {
            add("place_statuses: in_progress måste ta en plats.", "place_statuses: in_progress must take a place.")
        }
        for status in placeStatuses where !placeable.contains(status) {
            add("place_statuses: \(status.rawValue) kan inte ta en plats (in_progress, on_hold, returned_for_completion).",
                "place_statuses: \(status.rawValue) cannot take a place (in_progress, on_hold, returned_for_completion).")
        }
        return problems
    }

    /// The fields the matrix reads from the platform's order form that the form lacks, or holds with the wrong type:
    /// proposals are `choice` fields whose options are exactly the criterion's values, the size a `number`.
    public func formProblems(_ form: OrderForm) -> [LocalizedText] {
        var problems: [LocalizedText] = []
        let fields = Dictionary(form.sections.flatMap(\.fields).map { ($0.id, $0) }) { first, _ in first }
        for criterion in criteria {
            if let name = criterion.descriptionField, fields[name] == nil {
                problems.append(LocalizedText(
                    sv: "criteria: \(criterion.id): description_field \(name) finns inte i beställningen.",
                    en: "criteria: \(criterion.id): description_field \(name) is not in the order form."))
            }
            if let name = criterion.proposalField {
                let options = fields[name].map { $0.type == .choice ? $0.options.map(\.id) : [] }
                if options != criterion.values.map(String.init) {
                    problems.append(LocalizedText(
                        sv: "criteria: \(criterion.id): proposal_field \(name) ska vara ett val (choice) med alternativen \(criterion.values).",
                        en: "criteria: \(criterion.id): proposal_field \(name) must be a choice with the options \(criterion.values)."))
                }
            }
        }
        if let name = size.field, fields[name]?.type != .number {
            problems.append(LocalizedText(
                sv: "size.field: \(name) ska vara ett tal (number) i beställningen.",
                en: "size.field: \(name) must be a number field of the order form."))
        }
        return problems
    }
}
