extension CaseState {
    /// The required items of a phase that are still open on this case: what keeps the phase's gate shut.
    ///
    /// An undecided (or not yet approved) decision item is one of them, since decision items are required
    /// and only an approval makes them done.
    public func openRequiredItems(in phase: ProcessDefinition.Phase) -> [ItemID] {
        phase.items.filter { $0.isRequired && itemState($0.id).status == .open }.map(\.id)
    }

    mutating func completePhase(_ id: PhaseID, in definition: ProcessDefinition) throws(CaseRefusal) -> [CaseAction] {
        guard let index = definition.phaseIndex(of: id) else {
            throw .unknownPhase(id, in: self.definition)
        }
        guard id == currentPhase else {
            throw .phaseNotCurrent(id, current: currentPhase)
        }
        let open = openRequiredItems(in: definition.phases[index])
        guard open.isEmpty else {
            throw .gateOpenItems(id, open: open)
        }
        let next = definition.phases.indices.contains(index + 1) ? definition.phases[index + 1].id : nil
        var actions: [CaseAction] = [.phaseCompleted(id)]
        if status == .triage {
            currentPhase = next ?? id
            actions += moveStatus(to: .queued)
        } else if let next {
            currentPhase = next
            actions.append(.phaseStarted(next))
        } else {
            actions += moveStatus(to: .inProduction)
        }
        return actions
    }
}
