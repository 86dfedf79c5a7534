/// The rule that guards the end of a phase.
///
/// A phase can be completed only when every required item in it is done or marked not applicable with
/// a reason. The gate adds which decision items must be approved, and which role may decide them. Decision
/// items are always required and can never be marked not applicable, so "every required item is done"
/// already covers "every named decision is approved by a holder of ``decisionRole``".
public struct GateRule: Sendable, Hashable, Codable {
    /// The role whose holders may decide this phase's decision items. Defaults to ``Role/decisionMaker``.
    public var decisionRole: Role
    /// The phase's decision items, in the order they are shown. Validation requires that these are exactly
    /// the decision items of the phase.
    public var decisions: [ItemID]

    /// A gate with the given decisions; without arguments, a gate that only asks for the required items.
    public init(decisionRole: Role = .decisionMaker, decisions: [ItemID] = []) {
        self.decisionRole = decisionRole
        self.decisions = decisions
    }

    private enum CodingKeys: String, CodingKey {
        case decisionRole = "decision_role"
        case decisions
    }
}
