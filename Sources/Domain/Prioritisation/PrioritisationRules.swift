/// Who may see and change what of the prioritisation: one place for the rules the workflow enforces and the pages
/// and the API show, so they cannot disagree.
public enum PrioritisationRules {
    /// The statuses in which a case can be assessed or re-assessed: while it waits, and while on hold or returned
    /// (its place in line is kept for when it comes back).
    public static let assessable: [CaseStatus] = [.submitted, .triage, .queued, .onHold, .returnedForCompletion]

    /// Whether a holder of `roles` on a case in `status` may assess it: the platform's coordinators, while it waits.
    public static func mayAssess(roles: Set<Role>, status: CaseStatus) -> Bool {
        roles.contains(.coordinator) && assessable.contains(status)
    }

    /// Whether a holder of `roles` on a case sees its assessments whole (assessor, the team's notes, the working
    /// page): the platform team and admins; the applicant sees the scores and rationales only.
    public static func seesAssessmentDetails(roles: Set<Role>) -> Bool {
        roles.contains { $0 != .applicant }
    }

    /// Whether `principal` sees `platform`'s whole queue (every organisation, scores, forecast): its staff and admins.
    public static func seesWholeQueue(_ principal: Principal, of platform: String) -> Bool {
        principal.staffPlatforms.contains(platform) || principal.holds(.admin)
    }

    /// Whether `principal` may set how many onboardings `platform`'s team runs at once: its coordinators and admins.
    public static func mayChangeCapacity(_ principal: Principal, of platform: String) -> Bool {
        principal.grants.contains(RoleGrant(role: .coordinator, platform: platform)) || principal.holds(.admin)
    }
}
