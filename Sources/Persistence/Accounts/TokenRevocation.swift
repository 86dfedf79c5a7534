import Domain
import FluentKit
import Foundation

/// A user's bearer tokens as stored: listed for their owner, deleted one by one or all at once (the workflow
/// decides when, and audits).
extension AccountStore {
    /// A token as its owner sees it; the token itself is never stored, so it cannot be shown again.
    public struct TokenSummary: Sendable, Hashable {
        public let id: UUID
        public let createdAt: Date?
        public let expiresAt: Date
        public let lastUsedAt: Date?
    }

    /// The user's tokens that have not expired, newest first.
    public static func tokens(of userID: UUID, now: Date, on store: Store) async throws -> [TokenSummary] {
        let db = store.database
        return try await APITokenModel.query(on: db).filter(\.$user.$id == userID).filter(\.$expiresAt > now)
            .sort(\.$expiresAt, .descending).all()
            .map { TokenSummary(id: try $0.requireID(), createdAt: $0.createdAt, expiresAt: $0.expiresAt, lastUsedAt: $0.lastUsedAt) }
    }

    /// Deletes one of the user's own tokens; false when the user has no such token.
    public static func deleteToken(_ tokenID: UUID, of userID: UUID, in tx: WriteTransaction) async throws -> Bool {
        let query = APITokenModel.query(on: tx.database).filter(\.$id == tokenID).filter(\.$user.$id == userID)
        guard try await query.count() > 0 else { return false }
        try await query.delete()
        return true
    }

    /// Deletes every token of the user; returns how many there were.
    public static func deleteTokens(of userID: UUID, in tx: WriteTransaction) async throws -> Int {
        let query = APITokenModel.query(on: tx.database).filter(\.$user.$id == userID)
        let count = try await query.count()
        try await query.delete()
        return count
    }
}
