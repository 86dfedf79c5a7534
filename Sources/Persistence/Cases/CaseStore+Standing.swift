import Domain
import Foundation
import SQLKit

extension CaseStore {
    /// What admitting traffic needs to know of a case: one row, without its items.
    public struct Standing: Sendable {
        public let platform: String
        public let status: CaseStatus
        public let currentPhase: PhaseID
        public let definition: DefinitionReference
    }

    /// The case's standing; nil when there is no such case.
    public static func standing(of id: UUID, on store: Store) async throws -> Standing? {
        try await store.database.firstRow(
            """
            SELECT platform, status, current_phase, definition_id, definition_version, definition_hash
            FROM cases WHERE id = \(bind: id)
            """ as SQLQueryString
        ) { row in
            Standing(
                platform: try row.string("platform"),
                status: CaseStatus(rawValue: try row.string("status")) ?? .draft,
                currentPhase: PhaseID(rawValue: try row.string("current_phase")),
                definition: DefinitionReference(
                    id: ProcessDefinition.ID(rawValue: try row.string("definition_id")),
                    version: try row.int("definition_version"), contentHash: try row.string("definition_hash")))
        }
    }
}
