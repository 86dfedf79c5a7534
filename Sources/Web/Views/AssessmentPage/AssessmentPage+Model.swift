import Foundation

/// `/cases/{id}/assessment`: the applicant's description and proposal beside the coordinator's form, and the
/// case's assessments so far with what changed and why.
enum AssessmentPage {
    struct Model: Sendable {
        struct Criterion: Sendable {
            let id: String
            let title: String
            let values: [Int]
            let weight: Int
            /// What the applicant wrote against the criterion.
            let description: String
            let proposal: String
            /// The score and rationale in the form: what was just sent, else the current assessment's.
            let score: Int?
            let rationale: String
            let scoreError: String?
            let rationaleError: String?
        }

        struct Note: Sendable {
            let id: String
            let title: String
            let value: String
        }

        struct HistoryEntry: Sendable {
            let title: String
            let matrix: String
            let reason: String?
            let changes: [String]
            let breakdown: [String]
        }

        let context: PageContext
        let caseID: UUID
        let number: String
        let subtitle: String
        let matrixTitle: String
        let criteria: [Criterion]
        let employees: String
        let employeesError: String?
        /// "85 anställda: medelstor vårdgivare (2 poäng)", from the order.
        let proposedSize: String
        /// "Sökandens förslag ger 10 poäng".
        let proposedTotal: String?
        let notes: [Note]
        let reason: String
        let reasonError: String?
        /// The sequence of the newest assessment (0: none), sent back so a concurrent assessment is noticed.
        let basedOn: Int
        let mayAssess: Bool
        let problem: [String]
        let history: [HistoryEntry]
    }
}
