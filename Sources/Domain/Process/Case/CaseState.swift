/// Everything the engine knows about one case: a value that only ``handle(_:by:at:in:)`` changes.
///
/// This is the state machine of habit 10 in the style anchors: a value type whose input method checks a
/// command against the definition, the user's roles and the current state, then either changes the value
/// and returns ``CaseAction``s for the caller to store and audit, or changes nothing and returns a
/// ``CaseRefusal``. It does no I/O and reads no clock; time comes in with the command.
///
/// Invariants the engine keeps: ``resumeStatus`` is set exactly while the case is `on_hold` or
/// `returned_for_completion`; ``currentPhase`` is the first phase up to and including triage, the second
/// when queued, the phase being worked when in progress, and the last one in production.
public struct CaseState: Sendable, Hashable {
    /// The exact definition the case follows; a new version changes it only through ``CaseCommand/migrate(to:)``.
    public internal(set) var definition: DefinitionReference
    /// Where the case stands in its life.
    public internal(set) var status: CaseStatus
    /// The status that resubmitting or resuming returns to; `nil` unless returned for completion or on hold.
    public internal(set) var resumeStatus: CaseStatus?
    /// The phase being worked (or, before that, next to be worked).
    public internal(set) var currentPhase: PhaseID
    /// The states of the items anyone has touched; an item missing here is open (see ``itemState(_:)``).
    public internal(set) var items: [ItemID: ItemState]
    /// Counts accepted commands: 0 for a new case, one more after each. Callers compare it to detect a
    /// concurrent writer (optimistic concurrency).
    public internal(set) var version: Int

    /// A new draft following a validated definition, in its first phase, at version 0.
    public init(draft definition: ProcessDefinition) {
        self.init(
            definition: definition.reference,
            status: .draft,
            resumeStatus: nil,
            currentPhase: definition.phases[0].id,
            items: [:],
            version: 0
        )
    }

    /// A case as stored, for the persistence layer to restore; nothing is checked.
    public init(
        definition: DefinitionReference,
        status: CaseStatus,
        resumeStatus: CaseStatus?,
        currentPhase: PhaseID,
        items: [ItemID: ItemState],
        version: Int
    ) {
        self.definition = definition
        self.status = status
        self.resumeStatus = resumeStatus
        self.currentPhase = currentPhase
        self.items = items
        self.version = version
    }

    /// The state of an item on this case; open if no one has touched it.
    public func itemState(_ id: ItemID) -> ItemState {
        items[id] ?? .untouched
    }
}
