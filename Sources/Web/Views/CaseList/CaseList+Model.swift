import Domain
import Foundation

/// The signed-in person's cases; for platform staff an inbox with views, a status filter and a search.
enum CaseList {
    /// The inbox's ways of looking at the cases.
    enum View: String, CaseIterable, Sendable {
        case all
        /// Submitted, not yet taken into triage.
        case new
        /// Work lies with the platform team.
        case ours
        /// Returned for completion, or a question waits for the applicant.
        case applicant
        /// Grouped by the phase they are in.
        case phase
        /// Oldest change first.
        case age
    }

    /// The order of the rows.
    enum Sort: String, CaseIterable, Sendable {
        /// Newest change first.
        case changed
        /// Oldest case first, by when it was created.
        case age
        /// Longest unchanged first: how long the case has waited for its next step.
        case waiting
    }

    struct Model: Sendable {
        struct SortLink: Sendable {
            let sort: Sort
            let title: String
            let href: String
        }

        struct Row: Sendable {
            let id: UUID
            let number: String
            let systemName: String
            let organisation: String
            let platform: String
            let status: String
            let phase: String
            /// "3 av 7" while waiting in the platform's queue.
            let queuePlace: String?
            let updated: String
            /// "12 dagar" since the last change.
            let age: String
            /// "30 dagar" since the case was created, and since its last change.
            let caseAge: String
            let waiting: String
            /// The current phase's required items and whose turn it is; for platform staff.
            let counts: CaseProgress.Counts?
            let turn: String?
        }

        struct Group: Sendable {
            /// The group's heading; nil for a plain list.
            let title: String?
            let rows: [Row]
        }

        struct StatusOption: Sendable {
            let value: String
            let title: String
        }

        struct Tab: Sendable {
            let view: View
            let title: String
            let count: Int
            let href: String
        }

        let context: PageContext
        let groups: [Group]
        /// Shown to platform staff and admins only.
        let showsFilters: Bool
        /// Whether the viewer may start a case (applicants).
        let canOrder: Bool
        let tabs: [Tab]
        let selectedView: View
        let sortLinks: [SortLink]
        let selectedSort: Sort
        let statuses: [StatusOption]
        let selectedStatus: String?
        let search: String
        /// Why the search could not be run (too long, a control character); nothing is listed then.
        var searchError: String? = nil

        var count: Int { groups.map(\.rows.count).reduce(0, +) }
    }
}
