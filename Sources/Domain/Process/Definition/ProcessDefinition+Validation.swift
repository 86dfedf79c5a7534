extension ProcessDefinition {
    /// Every problem with the definition, each with its path; empty when the definition is fit for use.
    ///
    /// Checks that ids are well formed and unique (phases, sections and items share one namespace), that
    /// texts are not blank, that there is an intake phase and at least one more, that no phase or section is
    /// empty, and that each gate names exactly its phase's decision items, which must be required, owned by
    /// the gate's decision role and free of evidence. Roles, kinds and evidence kinds are closed enums and
    /// need no check here; a file loader reports unknown names when it reads them.
    public func validate() -> [DefinitionProblem] {
        var validator = DefinitionValidator()
        validator.check(self)
        return validator.problems + form.validate(at: DefinitionPath().appending("form"))
    }
}

private struct DefinitionValidator {
    private(set) var problems: [DefinitionProblem] = []
    private var seenIDs: [String: DefinitionPath] = [:]

    mutating func check(_ definition: ProcessDefinition) {
        let root = DefinitionPath()
        checkFormat(of: definition.id.rawValue, at: root.appending("id"))
        if !Self.isPlatformCode(definition.platform) {
            report(.invalidPlatform, at: root.appending("platform"), LocalizedText(
                sv: "Plattformskoden \"\(definition.platform)\" ska vara versaler A–Z, siffror och _, och börja med en bokstav.",
                en: "The platform code \"\(definition.platform)\" must be upper-case A–Z, digits and _, starting with a letter."
            ))
        }
        if definition.version < 1 {
            report(.invalidVersion, at: root.appending("version"), LocalizedText(
                sv: "Versionen är \(definition.version); den ska vara 1 eller högre.",
                en: "The version is \(definition.version); it must be 1 or higher."
            ))
        }
        checkText(definition.title, at: root.appending("title"))
        if definition.phases.count < 2 {
            report(.tooFewPhases, at: root.appending("phases"), LocalizedText(
                sv: "En process behöver en inledande fas (som hanteras under bedömningen) och minst en fas till.",
                en: "A process needs an intake phase (worked during triage) and at least one more phase."
            ))
        }
        for (index, phase) in definition.phases.enumerated() {
            check(phase, at: root.appending("phases").appending(index: index), in: definition)
        }
    }

    private mutating func check(_ phase: ProcessDefinition.Phase, at path: DefinitionPath, in definition: ProcessDefinition) {
        checkID(phase.id.rawValue, at: path.appending("id"))
        checkText(phase.title, at: path.appending("title"))
        if phase.sections.isEmpty {
            report(.emptyPhase, at: path.appending("sections"), LocalizedText(
                sv: "Fasen \(phase.id) har inga avsnitt.",
                en: "The phase \(phase.id) has no sections."
            ))
        }
        for (sectionIndex, section) in phase.sections.enumerated() {
            let sectionPath = path.appending("sections").appending(index: sectionIndex)
            checkID(section.id.rawValue, at: sectionPath.appending("id"))
            checkText(section.title, at: sectionPath.appending("title"))
            if section.items.isEmpty {
                report(.emptySection, at: sectionPath.appending("items"), LocalizedText(
                    sv: "Avsnittet \(section.id) har inga punkter.",
                    en: "The section \(section.id) has no items."
                ))
            }
            for (itemIndex, item) in section.items.enumerated() {
                let itemPath = sectionPath.appending("items").appending(index: itemIndex)
                checkID(item.id.rawValue, at: itemPath.appending("id"))
                checkText(item.text, at: itemPath.appending("text"))
                if item.kind == .decision {
                    checkDecision(item, at: itemPath, gate: phase.gate)
                }
                checkAlso(item, at: itemPath.appending("also"))
            }
        }
        checkGate(of: phase, at: path.appending("gate"), in: definition)
    }

    private mutating func checkAlso(_ item: ProcessDefinition.Item, at path: DefinitionPath) {
        guard !item.also.isEmpty else { return }
        if item.kind == .decision || SeparationOfDuties.exclusiveOwners.contains(item.owner) {
            report(.alsoNotAllowed, at: path, LocalizedText(
                sv: "Punkten \(item.id) är \(item.kind == .decision ? "ett beslut" : "\(item.owner.title.sv)s egen"); ingen annan roll får arbeta med den.",
                en: "The item \(item.id) is \(item.kind == .decision ? "a decision" : "the \(item.owner.title.en)'s own"); no other role may work it."
            ))
        } else if item.also.contains(item.owner) {
            report(.alsoNotAllowed, at: path, LocalizedText(
                sv: "Punkten \(item.id) ägs redan av \(item.owner.title.sv); ange bara andra roller under also.",
                en: "The item \(item.id) is already owned by \(item.owner.title.en); list only other roles under also."
            ))
        }
    }

    private mutating func checkDecision(_ item: ProcessDefinition.Item, at path: DefinitionPath, gate: GateRule) {
        if !gate.decisions.contains(item.id) {
            report(.decisionNotInGate, at: path.appending("id"), LocalizedText(
                sv: "Beslutspunkten \(item.id) måste anges under sin fas grind (gate.decisions).",
                en: "The decision item \(item.id) must be named by its phase's gate (gate.decisions)."
            ))
        }
        if !item.isRequired {
            report(.decisionNotRequired, at: path.appending("required"), LocalizedText(
                sv: "Beslutspunkten \(item.id) måste vara obligatorisk.",
                en: "The decision item \(item.id) must be required."
            ))
        }
        if item.owner != gate.decisionRole {
            report(.decisionOwnerMismatch, at: path.appending("owner"), LocalizedText(
                sv: "Beslutspunkten \(item.id) ägs av \(item.owner.title.sv), men grinden låter \(gate.decisionRole.title.sv) besluta.",
                en: "The decision item \(item.id) is owned by \(item.owner.title.en), but the gate lets \(gate.decisionRole.title.en) decide."
            ))
        }
        if !item.evidence.isEmpty {
            report(.decisionWithEvidence, at: path.appending("evidence"), LocalizedText(
                sv: "Beslutspunkten \(item.id) kan inte kräva underlag; ett beslut motiveras i stället.",
                en: "The decision item \(item.id) cannot ask for evidence; a decision carries a reason instead."
            ))
        }
    }

    private mutating func checkGate(of phase: ProcessDefinition.Phase, at path: DefinitionPath, in definition: ProcessDefinition) {
        var named: Set<ItemID> = []
        for (index, id) in phase.gate.decisions.enumerated() {
            let entryPath = path.appending("decisions").appending(index: index)
            if !named.insert(id).inserted {
                report(.gateDuplicateItem, at: entryPath, LocalizedText(
                    sv: "Grinden för fasen \(phase.id) anger \(id) mer än en gång.",
                    en: "The gate of the phase \(phase.id) names \(id) more than once."
                ))
            } else if let item = phase.items.first(where: { $0.id == id }) {
                if item.kind != .decision {
                    report(.gateNotDecision, at: entryPath, LocalizedText(
                        sv: "Grinden för fasen \(phase.id) anger \(id), som inte är en beslutspunkt.",
                        en: "The gate of the phase \(phase.id) names \(id), which is not a decision item."
                    ))
                }
            } else if let other = definition.phase(containing: id) {
                report(.gateForeignItem, at: entryPath, LocalizedText(
                    sv: "Grinden för fasen \(phase.id) anger \(id), som hör till fasen \(other.id).",
                    en: "The gate of the phase \(phase.id) names \(id), which belongs to the phase \(other.id)."
                ))
            } else {
                report(.gateUnknownItem, at: entryPath, LocalizedText(
                    sv: "Grinden för fasen \(phase.id) anger \(id), som inte finns i processen.",
                    en: "The gate of the phase \(phase.id) names \(id), which the process does not have."
                ))
            }
        }
    }

    private mutating func checkID(_ id: String, at path: DefinitionPath) {
        checkFormat(of: id, at: path)
        if let first = seenIDs[id] {
            report(.duplicateID, at: path, LocalizedText(
                sv: "Id:t \(id) används redan vid \(first).",
                en: "The id \(id) is already used at \(first)."
            ))
        } else {
            seenIDs[id] = path
        }
    }

    private mutating func checkFormat(of id: String, at path: DefinitionPath) {
        if !Self.isWellFormedID(id) {
            report(.invalidID, at: path, LocalizedText(
                sv: "Id:t \"\(id)\" ska bestå av gemena a–z och siffror, åtskilda av enstaka punkt, bindestreck eller understreck.",
                en: "The id \"\(id)\" must be lower-case a–z and digits, separated by single dots, hyphens or underscores."
            ))
        }
    }

    private mutating func checkText(_ text: LocalizedText, at path: DefinitionPath) {
        for (language, value) in [("sv", text.sv), ("en", text.en)]
        where value.allSatisfy(\.isWhitespace) {
            report(.emptyText, at: path.appending(language), LocalizedText(
                sv: "Texten (\(language)) är tom.",
                en: "The text (\(language)) is empty."
            ))
        }
    }

    private mutating func report(_ code: DefinitionProblem.Code, at path: DefinitionPath, _ message: LocalizedText) {
        problems.append(DefinitionProblem(code, at: path, message))
    }

    private static func isWellFormedID(_ id: String) -> Bool {
        let separators: Set<Character> = [".", "-", "_"]
        var previousWasSeparator = true
        for character in id {
            let isSeparator = separators.contains(character)
            if isSeparator ? previousWasSeparator : !(character.isASCII && (character.isLowercase || character.isNumber)) {
                return false
            }
            previousWasSeparator = isSeparator
        }
        return !previousWasSeparator
    }

    private static func isPlatformCode(_ code: String) -> Bool {
        guard let first = code.first, first.isASCII, first.isUppercase else { return false }
        return code.allSatisfy { $0.isASCII && ($0.isUppercase || $0.isNumber || $0 == "_") }
    }
}
