/// The person issuing a command, with the roles they hold on this case.
///
/// The caller scopes roles before building this: an applicant's role counts only on their own
/// organisation's cases, platform roles only on cases of the platforms the person serves.
public struct ActingUser: Sendable, Hashable {
    /// The user's id, recorded on the item states and decisions they change.
    public var id: String
    /// The roles the user holds on the case at hand.
    public var roles: Set<Role>

    /// A user with roles already scoped to the case.
    public init(id: String, roles: Set<Role>) {
        self.id = id
        self.roles = roles
    }

    /// Whether the user holds any of the given roles.
    public func holdsAny(of roles: [Role]) -> Bool {
        roles.contains { self.roles.contains($0) }
    }
}
