/// One role a user holds, and where it counts.
///
/// Platform staff roles (coordinator, security reviewer, technician, decision maker) count on one platform's
/// cases; the applicant role counts on the user's own organisation's cases; admin counts everywhere.
public struct RoleGrant: Sendable, Hashable, Codable {
    public let role: Role
    /// The platform code (`BFR`, `TAKECARE`) for platform roles; nil for applicant and admin.
    public let platform: String?

    public init(role: Role, platform: String? = nil) {
        self.role = role
        self.platform = platform
    }

    /// Whether the role needs a platform to mean anything.
    public static func isPlatformScoped(_ role: Role) -> Bool {
        switch role {
        case .coordinator, .securityReviewer, .technician, .decisionMaker: true
        case .applicant, .admin: false
        }
    }
}
