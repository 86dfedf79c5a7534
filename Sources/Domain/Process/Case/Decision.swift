import Foundation

/// What a decision at a gate can say.
public enum DecisionOutcome: String, Sendable, Hashable, Codable, CaseIterable {
    /// Go on: the decision item is done.
    case approve
    /// Send the case back to the applicant to complete; the decision item stays open until decided again.
    case returnForCompletion = "return_for_completion"
    /// Refuse the case; it ends as rejected.
    case reject
}

/// A decision recorded on a case: the outcome, who decided, when and why.
public struct Decision: Sendable, Hashable, Codable {
    /// The decision item decided.
    public var item: ItemID
    /// What was decided.
    public var outcome: DecisionOutcome
    /// The user id of the decider, who held the gate's decision role.
    public var decidedBy: String
    /// When it was decided.
    public var decidedAt: Date
    /// Why; always present unless the outcome is ``DecisionOutcome/approve``.
    public var reason: String?

    /// Builds a decision as given; the engine builds them, persistence restores them.
    public init(item: ItemID, outcome: DecisionOutcome, decidedBy: String, decidedAt: Date, reason: String?) {
        self.item = item
        self.outcome = outcome
        self.decidedBy = decidedBy
        self.decidedAt = decidedAt
        self.reason = reason
    }

    private enum CodingKeys: String, CodingKey {
        case item, outcome, reason
        case decidedBy = "decided_by"
        case decidedAt = "decided_at"
    }
}
