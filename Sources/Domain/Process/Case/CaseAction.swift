/// Something that happened to a case because a command was accepted, for the caller to store and audit.
///
/// The actions of one command are listed in the order they happened and belong in one transaction,
/// together with the new ``CaseState`` (whose ``CaseState/version`` went up by one).
public enum CaseAction: Sendable, Hashable {
    /// The case's status changed; `reason` is the one given with the command, if any.
    case statusChanged(from: CaseStatus, to: CaseStatus, reason: String?)
    /// Work on a phase began (on entering triage, on start, and when the previous phase completed).
    case phaseStarted(PhaseID)
    /// A phase's gate held and the phase was completed.
    case phaseCompleted(PhaseID)
    /// An item's state changed to the one given (ticked, marked not applicable, reopened, or approved).
    case itemChanged(ItemID, ItemState)
    /// A decision was recorded, whatever its outcome.
    case decisionRecorded(Decision)
    /// A coordinator passed the queued case over when the queue offered it.
    case skippedInQueue(reason: String)
    /// The case was moved to another version of its process definition.
    case migrated(MigrationReport)
}

/// What moving a case to another definition version did.
public struct MigrationReport: Sendable, Hashable {
    /// The definition the case was on.
    public var from: DefinitionReference
    /// The definition the case is on now.
    public var to: DefinitionReference
    /// Items whose state was dropped because the new definition has no item with their id, sorted.
    public var dropped: [ItemID]
    /// The phase the case stands in now.
    public var phase: PhaseID

    /// Builds a report as given.
    public init(from: DefinitionReference, to: DefinitionReference, dropped: [ItemID], phase: PhaseID) {
        self.from = from
        self.to = to
        self.dropped = dropped
        self.phase = phase
    }
}
