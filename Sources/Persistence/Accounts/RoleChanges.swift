import Domain
import FluentKit
import Foundation

/// Giving a user a role and taking one away. Roles are read on every request, so a change counts from the
/// user's next one.
extension AccountStore {
    /// Adds `grant` to the user's roles. Refuses a role the user already holds, and the applicant role for a
    /// user without an organisation (an applicant acts for one). Audited.
    public static func addRole(_ grant: RoleGrant, to userID: UUID, actor: AuditActor, in tx: WriteTransaction) async throws {
        let db = tx.database
        guard let user = try await UserModel.find(userID, on: db) else { throw UnknownUser(id: userID) }
        if grant.role == .applicant, user.$organisation.id == nil {
            throw ValidationFailure([
                FieldError(
                    field: "role", code: "no-organisation",
                    message: LocalizedText(
                        sv: "Användaren hör inte till någon organisation och kan därför inte vara sökande.",
                        en: "The user belongs to no organisation and so cannot be an applicant."))
            ])
        }
        if try await roleQuery(grant, of: userID, on: db).first() != nil {
            throw ValidationFailure([
                FieldError(
                    field: "role", code: "already-held",
                    message: LocalizedText(
                        sv: "Användaren har redan rollen \(grant.title.sv).",
                        en: "The user already holds the role \(grant.title.en)."))
            ])
        }
        try await UserRoleModel(userID: userID, role: grant.role.rawValue, platform: grant.platform).create(on: db)
        try await tx.audit(
            AuditEventDraft(actor: actor, action: .userRoleAdd, subject: "user:\(userID)", payload: payload(grant)))
    }

    /// Takes `grant` from the user's roles; refuses one the user does not hold. Taking the last role also
    /// revokes the user's bearer tokens. Audited.
    public static func removeRole(_ grant: RoleGrant, from userID: UUID, actor: AuditActor, in tx: WriteTransaction)
        async throws
    {
        let db = tx.database
        guard try await UserModel.find(userID, on: db) != nil else { throw UnknownUser(id: userID) }
        guard try await roleQuery(grant, of: userID, on: db).first() != nil else {
            throw ValidationFailure([
                FieldError(
                    field: "role", code: "not-held",
                    message: LocalizedText(
                        sv: "Användaren har inte rollen \(grant.title.sv).",
                        en: "The user does not hold the role \(grant.title.en)."))
            ])
        }
        try await roleQuery(grant, of: userID, on: db).delete()
        try await tx.audit(
            AuditEventDraft(actor: actor, action: .userRoleRemove, subject: "user:\(userID)", payload: payload(grant)))
        if try await UserRoleModel.query(on: db).filter(\.$user.$id == userID).count() == 0 {
            try await revokeAllTokens(of: userID, reason: .lastRoleRemoved, actor: actor, in: tx)
        }
    }

    /// No user has this id.
    public struct UnknownUser: Error {
        public let id: UUID
    }

    private static func roleQuery(_ grant: RoleGrant, of userID: UUID, on db: any Database) -> QueryBuilder<UserRoleModel> {
        UserRoleModel.query(on: db).filter(\.$user.$id == userID).filter(\.$role == grant.role.rawValue)
            .filter(\.$platform == grant.platform)
    }

    private static func payload(_ grant: RoleGrant) -> CanonicalJSON {
        var members: [String: CanonicalJSON] = ["role": .string(grant.role.rawValue)]
        if let platform = grant.platform { members["platform"] = .string(platform) }
        return .object(members)
    }
}
