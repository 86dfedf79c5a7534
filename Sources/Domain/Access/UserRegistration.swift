/// What it takes to register a user, checked before anything is stored.
public struct UserRegistration: Sendable, Hashable {
    public let email: EmailAddress
    public let name: String
    public let grant: RoleGrant
    /// The applicant's organisation; nil for platform staff and admins.
    public let organisationsnummer: Organisationsnummer?

    /// Checks every rule at once: a valid e-mail address; an organisationsnummer (valid) for applicants and
    /// only for them; a known platform for platform roles and only for them; names free of control
    /// characters (``FreeText``).
    public static func validate(
        email: String, name: String?, role: String, platform: String?, organisationsnummer: String?,
        organisationName: String? = nil, knownPlatforms: Set<String>
    ) -> Result<UserRegistration, ValidationFailure> {
        var errors = FreeText.check([("name", name ?? ""), ("organisation_name", organisationName ?? "")])
        let address = EmailAddress(email)
        if address == nil { errors.append(EmailAddress.invalid("email")) }
        // The role and its platform follow the same rules as a role given later (RoleGrant.validate).
        let parsedRole = Role(rawValue: role)
        var grant: RoleGrant?
        switch RoleGrant.validate(role: role, platform: platform, knownPlatforms: knownPlatforms) {
        case .success(let valid): grant = valid
        case .failure(let failure): errors += failure.errors
        }
        var orgnr: Organisationsnummer?
        switch (parsedRole, organisationsnummer) {
        case (.applicant?, nil):
            errors.append(
                FieldError(
                    field: "organisation", code: "required",
                    message: LocalizedText(
                        sv: "En sökande måste höra till en organisation: ange organisationsnumret.",
                        en: "An applicant must belong to an organisation: give its organisationsnummer.")))
        case (_, let text?):
            do throws(IdentifierError) {
                orgnr = try Organisationsnummer.parse(text)
            } catch {
                for issue in error.errors {
                    errors.append(FieldError(field: "organisation", code: issue.code.rawValue, message: issue.message))
                }
            }
            if parsedRole != nil, parsedRole != .applicant {
                errors.append(
                    FieldError(
                        field: "organisation", code: "not-applicant",
                        message: LocalizedText(
                            sv: "Endast sökande hör till en organisation.",
                            en: "Only applicants belong to an organisation.")))
            }
        default: break
        }
        guard errors.isEmpty, let address, let grant else { return .failure(ValidationFailure(errors)) }
        let trimmedName = name?.trimmingWhitespace ?? ""
        return .success(
            UserRegistration(
                email: address, name: trimmedName.isEmpty ? address.value : trimmedName,
                grant: grant,
                organisationsnummer: orgnr))
    }
}

/// The rule for passwords: long enough to resist guessing, nothing else imposed.
public enum PasswordPolicy {
    public static let minimumLength = 10

    public static func check(_ password: String, field: String = "password") -> FieldError? {
        guard password.count < minimumLength else { return nil }
        return FieldError(
            field: field, code: "too-short",
            message: LocalizedText(
                sv: "Lösenordet måste ha minst \(minimumLength) tecken.",
                en: "The password must have at least \(minimumLength) characters."))
    }
}
