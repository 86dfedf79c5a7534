/// `/admin/platforms/{code}`: a platform's settings as a form, and their history.
enum AdminPlatformShow {
    struct Model: Sendable {
        let context: PageContext
        let code: String
        /// What the form shows: what was sent back after a refusal, else what is stored.
        let name: String
        let contactEmail: String
        let settings: String
        let version: Int
        /// The refusals by field (`name`, `contact`, `settings`), in the page's language.
        let errors: [String: String]
        let notice: String?
        /// Newest first.
        let history: [Change]
    }

    struct Change: Sendable {
        let time: String
        let actor: String
        let what: String
    }
}
