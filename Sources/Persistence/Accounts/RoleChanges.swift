import Domain
import FluentKit
import Foundation

/// Storing a user's roles; the workflow checks the rules (`RoleChangeRules`) and audits.
extension AccountStore {
    /// The roles the user holds now.
    public static func grants(of userID: UUID, on store: Store) async throws -> Set<RoleGrant> {
        Set(try await UserRoleModel.query(on: store.database).filter(\.$user.$id == userID).all().compactMap { row in
            Role(rawValue: row.role).map { RoleGrant(role: $0, platform: row.platform) }
        })
    }

    /// Gives the user `grant`.
    public static func insertRole(_ grant: RoleGrant, of userID: UUID, in tx: WriteTransaction) async throws {
        try await UserRoleModel(userID: userID, role: grant.role.rawValue, platform: grant.platform).create(on: tx.database)
    }

    /// Takes `grant` from the user.
    public static func deleteRole(_ grant: RoleGrant, of userID: UUID, in tx: WriteTransaction) async throws {
        try await UserRoleModel.query(on: tx.database).filter(\.$user.$id == userID).filter(\.$role == grant.role.rawValue)
            .filter(\.$platform == grant.platform).delete()
    }

    /// No user has this id.
    public struct UnknownUser: Error {
        public let id: UUID

        public init(id: UUID) {
            self.id = id
        }
    }
}
