/// `/admin/platforms`: each platform with the process version new cases start on and its cases by status.
enum AdminPlatforms {
    struct Model: Sendable {
        struct Platform: Sendable {
            let code: String
            /// Nil when cases name a platform whose definition is no longer in the store.
            let process: Process?
            /// Statuses that have cases, in the order of the case's life, with their counts.
            let counts: [(status: String, count: Int)]
            let total: Int
        }

        struct Process: Sendable {
            let id: String
            let title: String
            let version: Int
            let hashPrefix: String
        }

        let context: PageContext
        let platforms: [Platform]
    }
}
