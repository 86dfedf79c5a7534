extension ProcessDefinition {
    /// Every item of the definition, phase by phase.
    public var items: [Item] {
        phases.flatMap(\.items)
    }

    /// The item with this id, if the definition has one.
    public func item(_ id: ItemID) -> Item? {
        items.first { $0.id == id }
    }

    /// The position of the phase with this id, if the definition has one.
    public func phaseIndex(of id: PhaseID) -> Int? {
        phases.firstIndex { $0.id == id }
    }

    /// The phase that holds the item with this id, if any.
    public func phase(containing item: ItemID) -> Phase? {
        phases.first { phase in phase.items.contains { $0.id == item } }
    }
}
