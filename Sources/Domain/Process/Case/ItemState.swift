import Foundation

/// Whether a checklist item on a case still needs work.
public enum ItemStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Not done yet (also after being reopened).
    case open
    /// Done: ticked with its evidence, or for a decision item, approved.
    case done
    /// Does not apply to this case; always carries a reason.
    case notApplicable = "not_applicable"
}

/// The state of one checklist item on one case, with who changed it last and why.
public struct ItemState: Sendable, Hashable, Codable {
    /// Whether the item is open, done or not applicable.
    public var status: ItemStatus
    /// The user id of whoever changed the item last; `nil` for an item never touched.
    public var changedBy: String?
    /// When the item was changed last; `nil` for an item never touched.
    public var changedAt: Date?
    /// Why the item is not applicable, or the reason given with an approving decision.
    public var reason: String?
    /// The evidence given with the tick.
    public var evidence: [Evidence]

    /// Builds an item state as given; the engine builds them, persistence restores them.
    public init(
        status: ItemStatus,
        changedBy: String? = nil,
        changedAt: Date? = nil,
        reason: String? = nil,
        evidence: [Evidence] = []
    ) {
        self.status = status
        self.changedBy = changedBy
        self.changedAt = changedAt
        self.reason = reason
        self.evidence = evidence
    }

    /// The state of an item no one has touched.
    public static let untouched = ItemState(status: .open)

    private enum CodingKeys: String, CodingKey {
        case status, reason, evidence
        case changedBy = "changed_by"
        case changedAt = "changed_at"
    }
}
