/// Who may work an item (tick it, mark it not applicable, reopen it): the rule that keeps each role's
/// judgement its own.
///
/// - Holders of the item's owner role work it.
/// - Coordinators also work the items owned by the applicant or by coordinators (they run the process and
///   may complete what the applicant confirmed by e-mail), and other items only where the process file lists
///   them (`also: [coordinator]`).
/// - The security reviewer's and the technician's items, and every decision item, are theirs alone: the
///   definition refuses an `also` on them, and decisions are taken by the gate's decision role.
public enum SeparationOfDuties {
    /// Roles whose items no other role may work, whatever the process file says.
    public static let exclusiveOwners: Set<Role> = [.securityReviewer, .technician]

    /// Owners whose items a coordinator works without the process file saying so.
    public static let coordinatorWorks: Set<Role> = [.applicant, .coordinator]

    /// The roles that may work `item`; for a decision item, only its owner (the gate's decision role).
    public static func workers(of item: ProcessDefinition.Item) -> Set<Role> {
        if item.kind == .decision || exclusiveOwners.contains(item.owner) { return [item.owner] }
        var roles = item.also.union([item.owner])
        if coordinatorWorks.contains(item.owner) { roles.insert(.coordinator) }
        return roles
    }

    /// Whether someone holding `roles` may work `item`.
    public static func mayWork(_ item: ProcessDefinition.Item, holding roles: Set<Role>) -> Bool {
        !workers(of: item).isDisjoint(with: roles)
    }
}
