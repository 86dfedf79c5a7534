/// `/admin/processes`: every published process definition version, and publishing new ones from the
/// processes folder.
enum AdminProcesses {
    struct Model: Sendable {
        struct Version: Sendable {
            let id: String
            let version: Int
            let platform: String
            let hashPrefix: String
            let publishedAt: String
            /// The version new cases of its platform start on.
            let isCurrent: Bool
        }

        /// What a publish did.
        enum Outcome: Sendable {
            /// `bfr@2`, …
            case published([String])
            case nothingNew
            /// Nothing was published; why, one message per problem.
            case refused([String])
        }

        let context: PageContext
        let versions: [Version]
        /// The configured processes folder that publishing reads.
        let folder: String
        let outcome: Outcome?
    }
}
