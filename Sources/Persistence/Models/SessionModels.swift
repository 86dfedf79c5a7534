import FluentKit
import Foundation

/// A signed-in browser; only the SHA-256 of its cookie is stored, so a copy of the table signs no one in.
public final class WebSessionModel: Model, @unchecked Sendable {
    public static let schema = "web_sessions"

    // managed fields
    @ID(key: .id) public var id: UUID?

    // reference fields
    @Parent(key: "user_id") public var user: UserModel

    // data fields
    @Field(key: "token_hash") public var tokenHash: String
    /// The token every form of this session carries.
    @Field(key: "csrf_token") public var csrfToken: String
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "last_seen_at") public var lastSeenAt: Date

    public init() {}
}

/// Failed sign-ins under one key (`account:EMAIL` or `address:IP`) and until when the key must wait.
public final class LoginThrottleModel: Model, @unchecked Sendable {
    public static let schema = "login_throttles"

    // managed fields
    @ID(key: .id) public var id: UUID?

    // data fields
    @Field(key: "key") public var key: String
    @Field(key: "failures") public var failures: Int
    @Field(key: "last_failure_at") public var lastFailureAt: Date
    @OptionalField(key: "blocked_until") public var blockedUntil: Date?

    public init() {}
}
