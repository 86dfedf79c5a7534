import Domain

/// What every page shows around its content: the language, who is signed in, the form token, and the path
/// the language switch comes back to.
struct PageContext: Sendable {
    struct SignedInUser: Sendable {
        let email: String
        let roles: [LocalizedText]
        /// Whether the header links to the admin pages.
        let isAdmin: Bool
        /// Whether the header links to the platform team's task list.
        let isStaff: Bool
    }

    let language: Domain.Language
    let user: SignedInUser?
    let csrfToken: String
    let path: String
}

extension Domain.Language {
    /// The text in this language, for the labels written into the views.
    func callAsFunction(_ sv: String, _ en: String) -> String {
        LocalizedText(sv: sv, en: en).text(in: self)
    }
}
