import FluentKit
import Foundation

/// A signed-in browser; only the SHA-256 of its cookie is stored, so a copy of the table signs no one in.
final class WebSessionModel: Model, @unchecked Sendable {
    static let schema = "web_sessions"

    // managed fields
    @ID(key: .id) var id: UUID?

    // reference fields
    @Parent(key: "user_id") var user: UserModel

    // data fields
    @Field(key: "token_hash") var tokenHash: String
    /// The token every form of this session carries.
    @Field(key: "csrf_token") var csrfToken: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "last_seen_at") var lastSeenAt: Date

    init() {}
}

/// Failed sign-ins under one key (`account:EMAIL` or `address:IP`) and until when the key must wait.
final class LoginThrottleModel: Model, @unchecked Sendable {
    static let schema = "login_throttles"

    // managed fields
    @ID(key: .id) var id: UUID?

    // data fields
    @Field(key: "key") var key: String
    @Field(key: "failures") var failures: Int
    @Field(key: "last_failure_at") var lastFailureAt: Date
    @OptionalField(key: "blocked_until") var blockedUntil: Date?

    init() {}
}
