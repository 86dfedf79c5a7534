extension RoleGrant {
    /// Checks a role given to an existing user: a known role; a known platform for platform roles and none
    /// for the others. Whether the user may hold it (an applicant needs an organisation) is the store's to say.
    public static func validate(role: String, platform: String?, knownPlatforms: Set<String>)
        -> Result<RoleGrant, ValidationFailure>
    {
        guard let parsed = Role(rawValue: role) else {
            let list = Role.allCases.map(\.rawValue).joined(separator: ", ")
            return .failure(ValidationFailure([
                FieldError(
                    field: "role", code: "unknown-role",
                    message: LocalizedText(
                        sv: "Okänd roll \"\(role)\"; välj en av \(list).",
                        en: "Unknown role \"\(role)\"; choose one of \(list)."))
            ]))
        }
        let code = platform?.uppercased()
        if isPlatformScoped(parsed) {
            guard let code, knownPlatforms.contains(code) else {
                let known = knownPlatforms.sorted().joined(separator: ", ")
                return .failure(ValidationFailure([
                    FieldError(
                        field: "platform", code: "unknown-platform",
                        message: LocalizedText(
                            sv: "Rollen \(parsed.rawValue) gäller en plattform; ange en av: \(known).",
                            en: "The role \(parsed.rawValue) belongs to a platform; give one of: \(known)."))
                ]))
            }
            return .success(RoleGrant(role: parsed, platform: code))
        }
        guard code == nil else {
            return .failure(ValidationFailure([
                FieldError(
                    field: "platform", code: "not-platform-role",
                    message: LocalizedText(
                        sv: "Rollen \(parsed.rawValue) gäller ingen enskild plattform.",
                        en: "The role \(parsed.rawValue) does not belong to a single platform."))
            ]))
        }
        return .success(RoleGrant(role: parsed))
    }
}
