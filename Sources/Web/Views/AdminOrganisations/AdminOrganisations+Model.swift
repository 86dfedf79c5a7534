/// `/admin/organisations`: every organisation with how many users and cases it has.
enum AdminOrganisations {
    struct Model: Sendable {
        struct Row: Sendable {
            /// `NNNNNN-NNNN`.
            let organisationsnummer: String
            let name: String
            let users: Int
            let cases: Int
        }

        let context: PageContext
        let rows: [Row]
    }
}
