/// The page where a signed-in person changes their password and sees (and revokes) their bearer tokens.
enum Password {
    struct Model: Sendable {
        let context: PageContext
        /// Every broken rule, in the page's language.
        let errors: [String]
        let changed: Bool
        /// The person's bearer tokens that have not expired, newest first.
        let tokens: [Token]
        /// A token was just revoked.
        let revoked: Bool
    }

    /// One bearer token, with times already in the page's words.
    struct Token: Sendable {
        let revokeAction: String
        let created: String
        let expires: String
        let lastUsed: String
    }
}
