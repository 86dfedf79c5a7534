import Foundation

/// The rules for giving and taking roles, as values: the admin pages and the command line report what they
/// say, the workflow applies them.
public enum RoleChangeRules {
    /// Why `grant` cannot be added to a user; nil when it can. An applicant acts for an organisation, and a
    /// role is held once.
    public static func addRefusal(_ grant: RoleGrant, userHasOrganisation: Bool, held: Set<RoleGrant>) -> FieldError? {
        if grant.role == .applicant, !userHasOrganisation {
            return FieldError(
                field: "role", code: "no-organisation",
                message: LocalizedText(
                    sv: "Användaren hör inte till någon organisation och kan därför inte vara sökande.",
                    en: "The user belongs to no organisation and so cannot be an applicant."))
        }
        if held.contains(grant) {
            return FieldError(
                field: "role", code: "already-held",
                message: LocalizedText(
                    sv: "Användaren har redan rollen \(grant.title.sv).",
                    en: "The user already holds the role \(grant.title.en)."))
        }
        return nil
    }

    /// Why `grant` cannot be taken from `user` by `changer`; nil when it can. An admin who took their own
    /// admin role could not give it back, so another admin must.
    public static func removeRefusal(_ grant: RoleGrant, from user: UUID, by changer: UUID?, held: Set<RoleGrant>) -> FieldError? {
        if user == changer, grant.role == .admin {
            return FieldError(
                field: "role", code: "own-admin",
                message: LocalizedText(
                    sv: "Du kan inte ta bort din egen administratörsroll; be en annan administratör.",
                    en: "You cannot remove your own administrator role; ask another administrator."))
        }
        if !held.contains(grant) {
            return FieldError(
                field: "role", code: "not-held",
                message: LocalizedText(
                    sv: "Användaren har inte rollen \(grant.title.sv).",
                    en: "The user does not hold the role \(grant.title.en)."))
        }
        return nil
    }

    /// Whether taking `grant` leaves the user without any role, which revokes their bearer tokens.
    public static func leavesNoRole(_ grant: RoleGrant, held: Set<RoleGrant>) -> Bool {
        held.subtracting([grant]).isEmpty
    }
}
