import Foundation

extension CaseState {
    mutating func tick(
        _ id: ItemID,
        evidence: [Evidence],
        by user: ActingUser,
        at time: Date,
        in definition: ProcessDefinition
    ) throws(CaseRefusal) -> [CaseAction] {
        let (item, _) = try currentPhaseItem(id, in: definition)
        guard item.kind != .decision else { throw .decisionItem(id, .tick) }
        try Self.require(user, holdsAnyOf: Array(SeparationOfDuties.workers(of: item)), for: .tick, item: id)
        try requireOpen(id)
        let missing = item.evidence.sorted().filter { kind in
            !evidence.contains { $0.kind == kind && Self.nonBlank($0.reference) != nil }
        }
        guard missing.isEmpty else { throw .evidenceMissing(id, kinds: missing) }
        return setItem(id, ItemState(status: .done, changedBy: user.id, changedAt: time, evidence: evidence))
    }

    mutating func markNotApplicable(
        _ id: ItemID,
        reason: String,
        by user: ActingUser,
        at time: Date,
        in definition: ProcessDefinition
    ) throws(CaseRefusal) -> [CaseAction] {
        let (item, _) = try currentPhaseItem(id, in: definition)
        guard item.kind != .decision else { throw .decisionItem(id, .markNotApplicable) }
        try Self.require(user, holdsAnyOf: Array(SeparationOfDuties.workers(of: item)), for: .markNotApplicable, item: id)
        try requireOpen(id)
        let reason = try Self.requireReason(reason, for: .markNotApplicable)
        return setItem(id, ItemState(status: .notApplicable, changedBy: user.id, changedAt: time, reason: reason))
    }

    mutating func reopen(
        _ id: ItemID,
        by user: ActingUser,
        at time: Date,
        in definition: ProcessDefinition
    ) throws(CaseRefusal) -> [CaseAction] {
        let (item, phase) = try currentPhaseItem(id, in: definition)
        let roles = item.kind == .decision ? [phase.gate.decisionRole] : Array(SeparationOfDuties.workers(of: item))
        try Self.require(user, holdsAnyOf: roles, for: .reopen, item: id)
        guard itemState(id).status != .open else { throw .itemAlreadyOpen(id) }
        return setItem(id, ItemState(status: .open, changedBy: user.id, changedAt: time))
    }

    mutating func decide(
        _ id: ItemID,
        outcome: DecisionOutcome,
        reason: String?,
        by user: ActingUser,
        at time: Date,
        in definition: ProcessDefinition
    ) throws(CaseRefusal) -> [CaseAction] {
        let (item, phase) = try currentPhaseItem(id, in: definition)
        guard item.kind == .decision else { throw .notADecision(id) }
        try Self.require(user, holdsAnyOf: [phase.gate.decisionRole], for: .decide, item: id)
        try requireOpen(id)
        func recorded(_ reason: String?) -> CaseAction {
            .decisionRecorded(Decision(item: id, outcome: outcome, decidedBy: user.id, decidedAt: time, reason: reason))
        }
        switch outcome {
        case .approve:
            let reason = reason.flatMap(Self.nonBlank)
            return [recorded(reason)]
                + setItem(id, ItemState(status: .done, changedBy: user.id, changedAt: time, reason: reason))
        case .returnForCompletion:
            let reason = try Self.requireReason(reason, for: .decide)
            return [recorded(reason)] + suspend(to: .returnedForCompletion, reason: reason)
        case .reject:
            let reason = try Self.requireReason(reason, for: .decide)
            return [recorded(reason)] + moveStatus(to: .rejected, reason: reason)
        }
    }

    private func currentPhaseItem(
        _ id: ItemID,
        in definition: ProcessDefinition
    ) throws(CaseRefusal) -> (ProcessDefinition.Item, ProcessDefinition.Phase) {
        guard let phase = definition.phase(containing: id), let item = phase.items.first(where: { $0.id == id }) else {
            throw .unknownItem(id, in: self.definition)
        }
        guard phase.id == currentPhase else {
            throw .itemNotInCurrentPhase(id, current: currentPhase)
        }
        return (item, phase)
    }

    private func requireOpen(_ id: ItemID) throws(CaseRefusal) {
        let current = itemState(id).status
        guard current == .open else { throw .itemNotOpen(id, is: current) }
    }

    private mutating func setItem(_ id: ItemID, _ state: ItemState) -> [CaseAction] {
        items[id] = state
        return [.itemChanged(id, state)]
    }
}
