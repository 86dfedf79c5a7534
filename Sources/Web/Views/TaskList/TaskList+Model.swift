import Foundation

/// The platform team's queue: for each case being worked, the open items of its current phase that the
/// viewer's roles own, decisions at gates first.
enum TaskList {
    struct Model: Sendable {
        let context: PageContext
        let cases: [Case]
    }

    struct Case: Sendable {
        let id: UUID
        let number: String
        let title: String
        let phase: String
        let tasks: [Task]
    }

    struct Task: Sendable {
        let text: String
        /// "beslut", "kontroll", … and the role that owns it.
        let kind: String
        let isDecision: Bool
    }
}
