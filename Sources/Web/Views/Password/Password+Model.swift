/// The page where a signed-in person changes their password.
enum Password {
    struct Model: Sendable {
        let context: PageContext
        /// Every broken rule, in the page's language.
        let errors: [String]
        let changed: Bool
    }
}
