/// Why a command was refused: a stable code for programs and a message naming the rule for people.
///
/// A refused command changes nothing. Gate and evidence refusals list the items they are about in ``items``.
public struct CaseRefusal: Error, Sendable, Hashable {
    /// The kind of refusal; the raw values are stable and used on the wire.
    public enum Code: String, Sendable, Hashable, CaseIterable {
        /// The command cannot be used in the case's current status.
        case wrongState = "wrong-state"
        /// The user holds none of the roles the command needs.
        case missingRole = "missing-role"
        /// The command needs a reason and none (or a blank one) was given.
        case reasonRequired = "reason-required"
        /// The definition has no item with the given id.
        case unknownItem = "unknown-item"
        /// The item belongs to another phase than the current one.
        case itemNotInCurrentPhase = "item-not-in-current-phase"
        /// A decision item cannot be ticked or marked not applicable; it is decided.
        case decisionItem = "decision-item"
        /// Only decision items can be decided.
        case notADecision = "not-a-decision"
        /// The item is already done or not applicable; reopen it first.
        case itemNotOpen = "item-not-open"
        /// The item is already open.
        case itemAlreadyOpen = "item-already-open"
        /// Evidence the item asks for is missing.
        case evidenceMissing = "evidence-missing"
        /// The gate does not hold: required items are still open (listed).
        case gateOpenItems = "gate-open-items"
        /// The definition has no phase with the given id.
        case unknownPhase = "unknown-phase"
        /// The named phase is not the one the case is in.
        case phaseNotCurrent = "phase-not-current"
        /// The definition given is not the one the case is pinned to (or, for a migration, another process).
        case definitionMismatch = "definition-mismatch"
        /// A migration targets the definition the case is already on.
        case alreadyOnDefinition = "already-on-definition"
        /// Starting the case would break the queue's order or capacity, and no override reason was given.
        case queueOrder = "queue-order"
    }

    /// The kind of refusal.
    public let code: Code
    /// The rule that refused the command, for people.
    public let message: LocalizedText
    /// The items the refusal is about, such as the open required items of a gate; often empty.
    public let items: [ItemID]

    /// A refusal as given; the engine builds these.
    public init(_ code: Code, _ message: LocalizedText, items: [ItemID] = []) {
        self.code = code
        self.message = message
        self.items = items
    }
}
