import Foundation

/// A signed-in user as the rules of access see them: who, which organisation, which roles where.
///
/// This is the one place that scopes roles to a case. Everything that asks "may this person see or do this
/// to that case" goes through ``roles(onCaseOf:organisation:status:)``, so the pages, the API and the
/// engine cannot disagree.
public struct Principal: Sendable, Hashable {
    public let userID: UUID
    public let email: String
    /// The organisation an applicant acts for; nil for platform staff and admins.
    public let organisationID: UUID?
    public let grants: Set<RoleGrant>
    /// Who the audit trail names for what this principal does: the user, or the system account a machine
    /// client acts as.
    public let actor: AuditActor

    public init(userID: UUID, email: String, organisationID: UUID?, grants: Set<RoleGrant>, actor: AuditActor? = nil) {
        self.userID = userID
        self.email = email
        self.organisationID = organisationID
        self.grants = grants
        self.actor = actor ?? .user(userID)
    }

    /// The roles this user holds on a case of `platform` belonging to `organisation` in `status`; empty
    /// means the case is none of theirs and must not even be acknowledged to exist. A draft is the applying
    /// organisation's own until it is submitted: platform staff hold no role on it (admins do, to help).
    public func roles(onCaseOf platform: String, organisation: UUID, status: CaseStatus) -> Set<Role> {
        var roles: Set<Role> = []
        for grant in grants {
            let counts = switch grant.role {
            case .applicant: organisationID == organisation
            case .admin: true
            case .coordinator, .securityReviewer, .technician, .decisionMaker:
                grant.platform == platform && status != .draft
            }
            if counts { roles.insert(grant.role) }
        }
        return roles
    }

    /// Whether the user holds `role` anywhere.
    public func holds(_ role: Role) -> Bool {
        grants.contains { $0.role == role }
    }

    /// The platforms on which the user holds a staff role.
    public var staffPlatforms: Set<String> {
        Set(grants.compactMap(\.platform))
    }

    /// Platform staff or an admin: who sees the inbox and an order's risk flags.
    public var isPlatformTeamOrAdmin: Bool {
        !staffPlatforms.isEmpty || holds(.admin)
    }
}
