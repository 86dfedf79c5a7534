/// The sign-in page.
enum Login {
    struct Model: Sendable {
        let context: PageContext
        /// The address typed last time, so a wrong password does not cost it.
        let email: String
        /// Where to go after signing in.
        let next: String?
        let message: String?
    }
}
