import Domain
import Foundation

/// One case: its header, the current phase's checklist, the actions the engine allows the viewer, the
/// questions, and the timeline of what happened.
enum CaseShow {
    struct Model: Sendable {
        let context: PageContext
        let id: UUID
        let number: String
        let platform: String
        let organisation: String
        let systemName: String
        let status: String
        let phase: String
        /// Sent back with every action, so a change by someone else in between is noticed.
        let version: Int
        /// What happened to the last action, if it did not go through.
        let problem: [String]
        /// What went through, such as the order being submitted.
        let notice: String?
        /// Answers of the order that signal a risk; shown to platform staff.
        let risks: [String]
        /// Whether the viewer can still change the order (a draft or a case returned for completion).
        let orderIsEditable: Bool
        /// "3 av 7" while the case waits in the platform's queue.
        let queuePlace: String?
        /// For the applicant: what to do now, first thing first; nil for platform staff.
        let todo: [String]?
        let actions: [Action]
        let sections: [Section]
        let threads: [Thread]
        /// Documents per kind, in the attachment list's order; kinds without any are left out.
        let documents: [DocumentGroup]
        /// The upload form's choices, as value and title.
        let documentKinds: [(value: String, title: String)]
        /// The largest upload, as people read it.
        let maxUpload: String
        let timeline: [Event]
    }

    struct DocumentGroup: Sendable {
        let title: String
        /// Newest first.
        let versions: [Document]
    }

    struct Document: Sendable {
        let version: Int
        let fileName: String
        let size: String
        let uploader: String
        let time: String
        let href: String
    }

    /// A command the viewer may give now, as a form.
    struct Action: Sendable {
        enum Reason: Sendable { case none, optional, required }

        let command: CaseCommand.Name
        let title: String
        var item: String? = nil
        var phase: String? = nil
        var reason: Reason = .none
        var evidence: [(kind: String, title: String)] = []
        /// For a decision: the outcomes to choose from, as value and title.
        var outcomes: [(value: String, title: String)] = []
    }

    struct Section: Sendable {
        let title: String
        let items: [Item]
    }

    struct Item: Sendable {
        let id: String
        let text: String
        let owner: String
        let required: Bool
        let status: ItemStatus
        let statusTitle: String
        let note: String?
        let actions: [Action]
    }

    struct Thread: Sendable {
        let id: UUID
        let title: String
        let status: String
        let isClosed: Bool
        let messages: [Message]
    }

    struct Message: Sendable {
        let author: String
        let time: String
        let body: String
    }

    struct Event: Sendable {
        let time: String
        let text: String
    }
}
