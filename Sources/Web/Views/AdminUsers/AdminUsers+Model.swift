import Foundation

/// `/admin/users`: every user with their roles, a form to create one, and per user forms to add and remove
/// roles.
enum AdminUsers {
    struct Model: Sendable {
        struct Row: Sendable {
            let id: UUID
            let email: String
            let name: String
            /// `Name (NNNNNN-NNNN)`, or nil for staff.
            let organisation: String?
            let roles: [Grant]
            /// Why the last role change on this user was refused, next to its form.
            let roleError: String?
        }

        struct Grant: Sendable {
            /// What the remove form sends back: `role` or `role:PLATFORM`.
            let value: String
            let title: String
        }

        /// What the create form shows: the values sent (never the password) and the message per field.
        struct CreateForm: Sendable {
            var email = ""
            var name = ""
            var role = ""
            var platform = ""
            var organisation = ""
            var organisationName = ""
            /// By field name: `email`, `name`, `role`, `platform`, `organisation`, `password`.
            var errors: [String: String] = [:]
        }

        let context: PageContext
        let rows: [Row]
        let form: CreateForm
        /// Every role, by value (`applicant`) and title, for the create form.
        let roleChoices: [(value: String, title: String)]
        let platforms: [String]
        /// Every role a user may be given, platform roles once per platform (`coordinator:BFR`).
        let grantChoices: [(value: String, title: String)]
        /// What just happened, such as a created user.
        let notice: String?
    }
}
