import Domain
import FluentKit
import Foundation

/// Browser sessions: a random cookie token per sign-in, kept as its SHA-256, ended by sign-out, by eight
/// hours without a request, or twelve hours after sign-in.
public enum WebSessions {
    public static let idleLifetime: TimeInterval = 8 * 3600
    public static let absoluteLifetime: TimeInterval = 12 * 3600
    // Recording every page view would queue each one behind the writers; a minute's slack costs nothing.
    static let touchInterval: TimeInterval = 60

    public struct Session: Sendable, Hashable {
        public let id: UUID
        public let userID: UUID
        /// The token every form of the session carries.
        public let csrfToken: String
    }

    /// Stores a new session for `userID` and returns its cookie token (only here, never stored). Sessions that
    /// have run out are removed on the way. The workflow audits the sign-in.
    public static func start(userID: UUID, in tx: WriteTransaction) async throws
        -> (token: String, session: Session)
    {
        let now = tx.clock.now()
        try await removeExpired(at: now, in: tx.database)
        let token = SecretToken.random()
        let model = WebSessionModel()
        model.$user.id = userID
        model.tokenHash = SecretToken.digest(token)
        model.csrfToken = SecretToken.random()
        model.createdAt = now
        model.lastSeenAt = now
        try await model.create(on: tx.database)
        return (token, Session(id: try model.requireID(), userID: userID, csrfToken: model.csrfToken))
    }

    /// The live session whose cookie is `token`, marking it used; nil for an unknown or run-out one.
    public static func session(forToken token: String, now: Date, on store: Store) async throws -> Session? {
        let db = store.database
        guard token.utf8.count <= 200,
              let model = try await WebSessionModel.query(on: db)
                .filter(\.$tokenHash == SecretToken.digest(token)).first(),
              now < model.lastSeenAt.addingTimeInterval(idleLifetime),
              now < model.createdAt.addingTimeInterval(absoluteLifetime)
        else { return nil }
        let id = try model.requireID()
        if now.timeIntervalSince(model.lastSeenAt) > touchInterval {
            try await db.write(clock: FixedClock(now)) { tx in
                try await WebSessionModel.query(on: tx.database).filter(\.$id == id).set(\.$lastSeenAt, to: now).update()
            }
        }
        return Session(id: id, userID: model.$user.id, csrfToken: model.csrfToken)
    }

    /// Deletes the session.
    public static func end(_ session: Session, in tx: WriteTransaction) async throws {
        try await WebSessionModel.query(on: tx.database).filter(\.$id == session.id).delete()
    }

    /// Replaces the user's password hash and ends every other session of theirs.
    public static func setPassword(hash passwordHash: String, keeping session: Session, in tx: WriteTransaction) async throws {
        guard let user = try await UserModel.find(session.userID, on: tx.database) else { return }
        user.passwordHash = passwordHash
        try await user.update(on: tx.database)
        try await WebSessionModel.query(on: tx.database).filter(\.$user.$id == session.userID)
            .filter(\.$id != session.id).delete()
    }
}
