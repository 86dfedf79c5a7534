// Every refusal's wording lives here, so the Swedish and English texts are reviewed side by side.
extension CaseRefusal {
    static func wrongState(_ command: CaseCommand.Name, in status: CaseStatus) -> CaseRefusal {
        let allowed = command.allowedIn
        return CaseRefusal(.wrongState, LocalizedText(
            sv: "Kommandot \(command.rawValue) kan inte användas när ärendet är \(status.title.sv); "
                + "det går när ärendet är \(list(allowed.map(\.title.sv), or: "eller")).",
            en: "The command \(command.rawValue) cannot be used when the case is \(status.title.en); "
                + "it can when the case is \(list(allowed.map(\.title.en), or: "or"))."
        ))
    }

    static func noStatusToReturnTo(_ command: CaseCommand.Name, in status: CaseStatus) -> CaseRefusal {
        CaseRefusal(.wrongState, LocalizedText(
            sv: "Kommandot \(command.rawValue) kan inte användas: ärendet är \(status.title.sv) men har ingen status att återgå till.",
            en: "The command \(command.rawValue) cannot be used: the case is \(status.title.en) but has no status to return to."
        ))
    }

    static func missingRole(_ command: CaseCommand.Name, needs roles: [Role], item: ItemID? = nil) -> CaseRefusal {
        let target = item.map { (sv: " på punkten \($0)", en: " on the item \($0)") } ?? (sv: "", en: "")
        return CaseRefusal(.missingRole, LocalizedText(
            sv: "Kommandot \(command.rawValue)\(target.sv) kräver rollen \(list(roles.map(\.title.sv), or: "eller")).",
            en: "The command \(command.rawValue)\(target.en) needs the role \(list(roles.map(\.title.en), or: "or"))."
        ), items: item.map { [$0] } ?? [])
    }

    static func reasonRequired(_ command: CaseCommand.Name) -> CaseRefusal {
        CaseRefusal(.reasonRequired, LocalizedText(
            sv: "Kommandot \(command.rawValue) kräver en motivering.",
            en: "The command \(command.rawValue) needs a reason."
        ))
    }

    static func unknownItem(_ item: ItemID, in definition: DefinitionReference) -> CaseRefusal {
        CaseRefusal(.unknownItem, LocalizedText(
            sv: "Processen \(definition) har ingen punkt \(item).",
            en: "The process \(definition) has no item \(item)."
        ), items: [item])
    }

    static func itemNotInCurrentPhase(_ item: ItemID, current phase: PhaseID) -> CaseRefusal {
        CaseRefusal(.itemNotInCurrentPhase, LocalizedText(
            sv: "Punkten \(item) hör inte till den aktuella fasen \(phase); bara den aktuella fasens punkter kan ändras.",
            en: "The item \(item) is not in the current phase \(phase); only the current phase's items can be changed."
        ), items: [item])
    }

    static func decisionItem(_ item: ItemID, _ command: CaseCommand.Name) -> CaseRefusal {
        CaseRefusal(.decisionItem, LocalizedText(
            sv: "Punkten \(item) är en beslutspunkt och kan inte ändras med \(command.rawValue); den beslutas med decide.",
            en: "The item \(item) is a decision and cannot be changed with \(command.rawValue); it is decided with decide."
        ), items: [item])
    }

    static func notADecision(_ item: ItemID) -> CaseRefusal {
        CaseRefusal(.notADecision, LocalizedText(
            sv: "Punkten \(item) är ingen beslutspunkt och kan inte beslutas.",
            en: "The item \(item) is not a decision and cannot be decided."
        ), items: [item])
    }

    static func itemNotOpen(_ item: ItemID, is status: ItemStatus) -> CaseRefusal {
        let state = status == .done ? (sv: "klar", en: "done") : (sv: "markerad som ej tillämplig", en: "marked not applicable")
        return CaseRefusal(.itemNotOpen, LocalizedText(
            sv: "Punkten \(item) är redan \(state.sv); öppna den igen först.",
            en: "The item \(item) is already \(state.en); reopen it first."
        ), items: [item])
    }

    static func itemAlreadyOpen(_ item: ItemID) -> CaseRefusal {
        CaseRefusal(.itemAlreadyOpen, LocalizedText(
            sv: "Punkten \(item) är redan öppen.",
            en: "The item \(item) is already open."
        ), items: [item])
    }

    static func evidenceMissing(_ item: ItemID, kinds: [EvidenceKind]) -> CaseRefusal {
        CaseRefusal(.evidenceMissing, LocalizedText(
            sv: "Punkten \(item) kan inte bockas av utan underlag: \(list(kinds.map(\.title.sv), or: "och")) saknas.",
            en: "The item \(item) cannot be ticked without evidence: \(list(kinds.map(\.title.en), or: "and")) missing."
        ), items: [item])
    }

    static func gateOpenItems(_ phase: PhaseID, open items: [ItemID]) -> CaseRefusal {
        let names = items.map(\.rawValue).joined(separator: ", ")
        return CaseRefusal(.gateOpenItems, LocalizedText(
            sv: "Fasen \(phase) kan inte avslutas: obligatoriska punkter är inte klara eller markerade som ej tillämpliga: \(names).",
            en: "The phase \(phase) cannot be completed: required items are neither done nor marked not applicable: \(names)."
        ), items: items)
    }

    static func unknownPhase(_ phase: PhaseID, in definition: DefinitionReference) -> CaseRefusal {
        CaseRefusal(.unknownPhase, LocalizedText(
            sv: "Processen \(definition) har ingen fas \(phase).",
            en: "The process \(definition) has no phase \(phase)."
        ))
    }

    static func phaseNotCurrent(_ phase: PhaseID, current: PhaseID) -> CaseRefusal {
        CaseRefusal(.phaseNotCurrent, LocalizedText(
            sv: "Fasen \(phase) är inte den aktuella; ärendet är i fasen \(current).",
            en: "The phase \(phase) is not the current one; the case is in the phase \(current)."
        ))
    }

    static func definitionMismatch(pinned: DefinitionReference, given: ProcessDefinition) -> CaseRefusal {
        CaseRefusal(.definitionMismatch, LocalizedText(
            sv: "Ärendet följer processen \(pinned), men \(given.id)@\(given.version) angavs.",
            en: "The case follows the process \(pinned), but \(given.id)@\(given.version) was given."
        ))
    }

    static func alreadyOnDefinition(_ definition: DefinitionReference) -> CaseRefusal {
        CaseRefusal(.alreadyOnDefinition, LocalizedText(
            sv: "Ärendet följer redan processen \(definition).",
            en: "The case already follows the process \(definition)."
        ))
    }

    private static func list(_ words: [String], or conjunction: String) -> String {
        guard words.count > 1 else { return words.first ?? "" }
        return words.dropLast().joined(separator: ", ") + " \(conjunction) " + words.last!
    }
}
