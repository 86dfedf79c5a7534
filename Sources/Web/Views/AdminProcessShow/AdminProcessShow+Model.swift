/// `/admin/processes/{id}/{version}`: one published definition version, phase by phase, as it was published.
enum AdminProcessShow {
    struct Model: Sendable {
        struct Phase: Sendable {
            let id: String
            let title: String
            /// The role whose holders decide the gate's decision items.
            let decisionRole: String
            /// The gate's decision items, by text.
            let decisions: [String]
            let sections: [Section]
        }

        struct Section: Sendable {
            let id: String
            let title: String
            let items: [Item]
        }

        struct Item: Sendable {
            let id: String
            let text: String
            let kind: String
            let owner: String
            let isRequired: Bool
            /// The evidence kinds a tick needs, joined; empty when none.
            let evidence: String
        }

        let context: PageContext
        let id: String
        let version: Int
        let title: String
        let platform: String
        let contentHash: String
        let phases: [Phase]
    }
}
