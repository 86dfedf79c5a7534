import Domain
import FluentKit
import Foundation

/// A user's bearer tokens: listed for their owner, revoked one by one or all at once. A password change and
/// the removal of a user's last role revoke them all, so a token never outlives the trust it was issued on.
extension AccountStore {
    /// A token as its owner sees it; the token itself is never stored, so it cannot be shown again.
    public struct TokenSummary: Sendable, Hashable {
        public let id: UUID
        public let createdAt: Date?
        public let expiresAt: Date
        public let lastUsedAt: Date?
    }

    /// Why every token of a user was revoked, as the audit event names it.
    public enum RevocationReason: String, Sendable {
        case passwordChange = "password-change"
        case lastRoleRemoved = "last-role-removed"
        case operatorRequest = "operator-request"
    }

    /// The user's tokens that have not expired, newest first.
    public static func tokens(of userID: UUID, now: Date, on store: Store) async throws -> [TokenSummary] {
        let db = store.database
        return try await APITokenModel.query(on: db).filter(\.$user.$id == userID).filter(\.$expiresAt > now)
            .sort(\.$expiresAt, .descending).all()
            .map { TokenSummary(id: try $0.requireID(), createdAt: $0.createdAt, expiresAt: $0.expiresAt, lastUsedAt: $0.lastUsedAt) }
    }

    /// Revokes one of the user's own tokens; false when the user has no such token. Audited.
    @discardableResult
    public static func revokeToken(_ tokenID: UUID, of userID: UUID, actor: AuditActor, in tx: WriteTransaction)
        async throws -> Bool
    {
        let query = APITokenModel.query(on: tx.database).filter(\.$id == tokenID).filter(\.$user.$id == userID)
        guard try await query.count() > 0 else { return false }
        try await query.delete()
        try await tx.audit(AuditEventDraft(
            actor: actor, action: .userTokenRevoke, subject: "user:\(userID)",
            payload: ["token": .string(tokenID.uuidString)]))
        return true
    }

    /// Revokes every token of the user; returns how many there were. Audited, also when there were none, so
    /// the trail shows that the revocation was asked for.
    @discardableResult
    public static func revokeAllTokens(
        of userID: UUID, reason: RevocationReason, actor: AuditActor, in tx: WriteTransaction
    ) async throws -> Int {
        let query = APITokenModel.query(on: tx.database).filter(\.$user.$id == userID)
        let count = try await query.count()
        try await query.delete()
        try await tx.audit(AuditEventDraft(
            actor: actor, action: .userTokenRevokeAll, subject: "user:\(userID)",
            payload: ["count": .int(Int64(count)), "reason": .string(reason.rawValue)]))
        return count
    }
}
