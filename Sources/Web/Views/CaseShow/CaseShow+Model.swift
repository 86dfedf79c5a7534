import Domain
import Foundation

/// One case as a working surface: where it stands (phases, progress, whose turn), a compact checklist with each
/// item's actions behind a disclosure, and the order, questions, documents and timeline reachable from the top.
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
        let progress: Progress
        /// For the applicant: what to do now, first thing first; nil for platform staff.
        let todo: [Todo]?
        let actions: [Action]
        let checklist: Checklist
        /// Questions not yet answered, whoever asked them.
        let openQuestionCount: Int
        let threads: [Thread]
        /// Documents per kind, in the attachment list's order; kinds without any are left out.
        let documents: [DocumentGroup]
        /// The upload form's choices, as value and title.
        let documentKinds: [(value: String, title: String)]
        /// The largest upload, as people read it.
        let maxUpload: String
        let timeline: Timeline
        /// Verification accounts and test sessions; nil when the case has none and is in no phase taking traffic.
        var verification: Verification? = nil
        /// The case's standing in the queue and the rule; its assessment for the platform team.
        var prioritisation: Prioritisation? = nil

        var documentCount: Int { documents.map(\.versions.count).reduce(0, +) }
    }

    /// The header's picture of the case: phases, the current phase's required items, whose turn, ages.
    struct Progress: Sendable {
        struct Phase: Sendable {
            let title: String
            let standing: CaseProgress.PhaseStanding
        }

        let phases: [Phase]
        let counts: CaseProgress.Counts
        let turn: String
        /// "12 dagar" since the case was created, and since its current phase began.
        let caseAge: String
        let phaseAge: String
    }

    /// A line of "Att göra nu": a sentence, or a section of items with links to their rows.
    struct Todo: Sendable {
        let text: String
        var items: [(text: String, required: Bool, href: String)] = []
    }

    /// The current phase's checklist as the filter shows it.
    struct Checklist: Sendable {
        enum Filter: String, CaseIterable, Sendable {
            case open, mine, all
        }

        let filter: Filter
        /// Each filter's link, keeping the rest of the page's query.
        let filterLinks: [(filter: Filter, title: String, href: String)]
        let sections: [Section]
        /// The required items still open in the phase, over all sections.
        let openCount: Int
    }

    struct Section: Sendable {
        let id: String
        let title: String
        /// Every item of the section, counted whatever the filter shows.
        let done: Int
        let open: Int
        let notApplicable: Int
        /// Whether the disclosure starts open: a section with the item asked for, or one the filter narrows.
        let isOpen: Bool
        /// The items the filter lets through.
        let items: [Item]
    }

    struct Item: Sendable {
        let id: String
        let text: String
        let owner: String
        let required: Bool
        let status: ItemStatus
        let statusTitle: String
        /// "Samordnare Anna Berg, 2026-12-01 10:12 CET" for an item someone changed.
        let changed: String?
        /// The reason given (not applicable, or with a decision).
        let reason: String?
        let evidence: [EvidenceLink]
        let actions: [Action]
        /// Whether its actions start open (the item asked for by a link, or the one a refused form was about).
        let isFocused: Bool
    }

    /// Evidence as the row shows it: a comment as text, a document as a link to it.
    struct EvidenceLink: Sendable {
        let kind: String
        let text: String
        let href: String?
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

        /// One piece of evidence the form asks for: free text, or a choice among the case's documents.
        struct EvidenceField: Sendable {
            let kind: EvidenceKind
            let title: String
            /// The documents to choose from, as id and label; empty for a comment.
            var documents: [(value: String, title: String)] = []
            /// The document kind an upload in the same step gets, for document evidence.
            var uploadKinds: [(value: String, title: String)] = []
        }

        let command: CaseCommand.Name
        let title: String
        var item: String? = nil
        var phase: String? = nil
        var reason: Reason = .none
        /// The reason field's label when the generic one would not say what it is for.
        var reasonLabel: String? = nil
        var evidence: [EvidenceField] = []
        /// For a decision: the outcomes to choose from, as value and title.
        var outcomes: [(value: String, title: String)] = []
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

    /// One page of the timeline, newest first, with its kind filter.
    struct Timeline: Sendable {
        let events: [Event]
        let total: Int
        let kinds: [(kind: CaseTimeline.Kind?, title: String, href: String, isSelected: Bool)]
        let newerHref: String?
        let olderHref: String?
        let pageText: String
    }

    /// The verification environment on the case: its accounts with the status changes the viewer may make, the
    /// register form for technicians while the phase takes traffic, and the test sessions.
    struct Verification: Sendable {
        struct Account: Sendable {
            let id: UUID
            /// `RIS1^SU`; nil for an account that sends only DICOM.
            let hl7Sender: String?
            let aeTitles: [String]
            /// Whether the viewer may replace the AE titles (a technician, the account not revoked).
            let mayChangeAETitles: Bool
            let addresses: String
            let status: String
            let version: Int
            /// The statuses the viewer may set, as value and button title.
            let changes: [(value: String, title: String)]
        }

        struct Session: Sendable {
            let id: UUID
            /// Nil while open; then "stängd 2026-12-06 11:02 CET, godkänt", and the protocol's hash.
            let closed: String?
            let protocolHash: String?
            let mayClose: Bool
            let opened: String
            let sender: String
            let profile: String
            let messages: Int
            /// "12 AA, 2 AE, 1 AR".
            let acknowledgements: String
            let testCases: [(title: String, met: Bool)]
            let head: String
        }

        let accounts: [Account]
        let mayRegister: Bool
        let sessions: [Session]
    }

    struct Event: Sendable {
        let time: String
        let actor: String
        let text: String
        let kind: CaseTimeline.Kind
    }
}
