import FluentKit
import Foundation

/// A person who signs in: applicant, platform staff or admin.
final class UserModel: Model, @unchecked Sendable {
    static let schema = "users"

    // managed fields
    @ID(key: .id) var id: UUID?
    @OptionalField(key: "created_at") var createdAt: Date?

    // reference fields
    @OptionalParent(key: "organisation_id") var organisation: OrganisationModel?
    @Children(for: \.$user) var roles: [UserRoleModel]

    // data fields
    /// Lower case.
    @Field(key: "email") var email: String
    @Field(key: "name") var name: String
    /// Bcrypt.
    @Field(key: "password_hash") var passwordHash: String

    init() {}

    init(id: UUID? = nil, email: String, name: String, passwordHash: String, organisationID: UUID?) {
        self.id = id
        self.email = email
        self.name = name
        self.passwordHash = passwordHash
        self.$organisation.id = organisationID
    }
}

/// One role of a user; platform roles name their platform.
final class UserRoleModel: Model, @unchecked Sendable {
    static let schema = "user_roles"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: UserModel
    @Field(key: "role") var role: String
    @OptionalField(key: "platform") var platform: String?

    init() {}

    init(userID: UUID, role: String, platform: String?) {
        self.$user.id = userID
        self.role = role
        self.platform = platform
    }
}

/// A bearer token for machine clients; only its SHA-256 is stored.
final class APITokenModel: Model, @unchecked Sendable {
    static let schema = "api_tokens"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: UserModel
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "created_at") var createdAt: Date?
    @OptionalField(key: "last_used_at") var lastUsedAt: Date?

    init() {}

    init(userID: UUID, tokenHash: String, expiresAt: Date) {
        self.$user.id = userID
        self.tokenHash = tokenHash
        self.expiresAt = expiresAt
    }
}
