import FluentKit
import Foundation

/// A person who signs in: applicant, platform staff or admin.
public final class UserModel: Model, @unchecked Sendable {
    public static let schema = "users"

    // managed fields
    @ID(key: .id) public var id: UUID?
    @OptionalField(key: "created_at") public var createdAt: Date?

    // reference fields
    @OptionalParent(key: "organisation_id") public var organisation: OrganisationModel?
    @Children(for: \.$user) public var roles: [UserRoleModel]

    // data fields
    /// Lower case.
    @Field(key: "email") public var email: String
    @Field(key: "name") public var name: String
    /// Bcrypt.
    @Field(key: "password_hash") public var passwordHash: String

    public init() {}

    public init(id: UUID? = nil, email: String, name: String, passwordHash: String, organisationID: UUID?) {
        self.id = id
        self.email = email
        self.name = name
        self.passwordHash = passwordHash
        self.$organisation.id = organisationID
    }
}

/// One role of a user; platform roles name their platform.
public final class UserRoleModel: Model, @unchecked Sendable {
    public static let schema = "user_roles"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "user_id") public var user: UserModel
    @Field(key: "role") public var role: String
    @OptionalField(key: "platform") public var platform: String?

    public init() {}

    public init(userID: UUID, role: String, platform: String?) {
        self.$user.id = userID
        self.role = role
        self.platform = platform
    }
}

/// A bearer token for machine clients; only its SHA-256 is stored.
public final class APITokenModel: Model, @unchecked Sendable {
    public static let schema = "api_tokens"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "user_id") public var user: UserModel
    @Field(key: "token_hash") public var tokenHash: String
    @Field(key: "expires_at") public var expiresAt: Date
    @OptionalField(key: "created_at") public var createdAt: Date?
    @OptionalField(key: "last_used_at") public var lastUsedAt: Date?

    public init() {}

    public init(userID: UUID, tokenHash: String, expiresAt: Date) {
        self.$user.id = userID
        self.tokenHash = tokenHash
        self.expiresAt = expiresAt
    }
}
