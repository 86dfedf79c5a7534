extension CaseState {
    /// Splits item states for a move to another definition: those whose item id the definition still has,
    /// and the ids of those it has not, sorted. Pure; the `migrate` command uses it, and a caller can use it
    /// to show what a migration would drop before running it.
    public static func carryOver(
        _ items: [ItemID: ItemState],
        to definition: ProcessDefinition
    ) -> (kept: [ItemID: ItemState], dropped: [ItemID]) {
        let known = Set(definition.items.map(\.id))
        return (items.filter { known.contains($0.key) }, items.keys.filter { !known.contains($0) }.sorted())
    }

    mutating func migrate(to new: ProcessDefinition) throws(CaseRefusal) -> [CaseAction] {
        guard new.id == definition.id else {
            throw .definitionMismatch(pinned: definition, given: new)
        }
        let target = new.reference
        guard target != definition else {
            throw .alreadyOnDefinition(target)
        }
        let dropped: [ItemID]
        (items, dropped) = Self.carryOver(items, to: new)
        currentPhase = landingPhase(in: new)
        let report = MigrationReport(from: definition, to: target, dropped: dropped, phase: currentPhase)
        definition = target
        return [.migrated(report)]
    }

    /// Where the case stands in the new definition; keeps the invariants on ``currentPhase``.
    private func landingPhase(in new: ProcessDefinition) -> PhaseID {
        let phases = new.phases
        switch resumeStatus ?? status {
        case .draft, .submitted, .triage:
            return phases[0].id
        case .queued:
            return phases[min(1, phases.count - 1)].id
        case .inProgress:
            if let index = new.phaseIndex(of: currentPhase), index > 0 {
                return currentPhase
            }
            let work = phases.dropFirst()
            return (work.first { !openRequiredItems(in: $0).isEmpty } ?? work.last ?? phases[0]).id
        case .inProduction, .returnedForCompletion, .onHold, .closed, .rejected, .withdrawn:
            return phases[phases.count - 1].id
        }
    }
}
