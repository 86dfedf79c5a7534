/// How a role grant reads on the pages and in messages.
extension RoleGrant {
    /// `samordnare (BFR)`, for messages and pages.
    public var title: LocalizedText {
        guard let platform else { return role.title }
        return LocalizedText(sv: "\(role.title.sv) (\(platform))", en: "\(role.title.en) (\(platform))")
    }
}
