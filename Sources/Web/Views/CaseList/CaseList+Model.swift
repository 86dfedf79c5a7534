import Foundation

/// The signed-in person's cases; for platform staff an inbox with a status filter and a search.
enum CaseList {
    struct Model: Sendable {
        struct Row: Sendable {
            let id: UUID
            let number: String
            let systemName: String
            let organisation: String
            let platform: String
            let status: String
            let phase: String
            let updated: String
        }

        struct StatusOption: Sendable {
            let value: String
            let title: String
        }

        let context: PageContext
        let rows: [Row]
        /// Shown to platform staff and admins only.
        let showsFilters: Bool
        /// Whether the viewer may start a case (applicants).
        let canOrder: Bool
        let statuses: [StatusOption]
        let selectedStatus: String?
        let search: String
    }
}
