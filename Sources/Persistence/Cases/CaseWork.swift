import Domain
import FluentKit
import Foundation
import SQLKit

/// The cases being worked on some platforms, with what the task lists of the platform team need: the pinned
/// definition and every item's status. Two queries, whatever the number of cases.
public enum CaseWork {
    public struct ActiveCase: Sendable {
        public let id: UUID
        public let number: String
        public let platform: String
        public let organisationID: UUID
        public let organisationName: String
        public let systemName: String?
        public let status: CaseStatus
        public let currentPhase: PhaseID
        public let definition: DefinitionReference
        public let updatedAt: Date
        public let items: [ItemID: ItemStatus]
    }

    /// Cases in triage or in progress on `platforms`, oldest change first.
    public static func active(on platforms: Set<String>, in store: Store) async throws -> [ActiveCase] {
        let db = store.database
        guard !platforms.isEmpty else { return [] }
        let rows = try await db.sql.raw(
            """
            SELECT c.id, c.number, c.platform, c.organisation_id, o.name AS organisation_name, c.system_name, c.status,
                   c.current_phase, c.definition_id, c.definition_version, c.definition_hash, c.updated_at
            FROM cases c JOIN organisations o ON o.id = c.organisation_id
            WHERE c.platform IN (\(binds: Array(platforms)))
              AND c.status IN (\(binds: [CaseStatus.triage.rawValue, CaseStatus.inProgress.rawValue]))
            ORDER BY c.updated_at, c.id
            """
        ).all()
        let ids = try rows.map { try $0.decode(column: "id", as: UUID.self) }
        var items: [UUID: [ItemID: ItemStatus]] = [:]
        if !ids.isEmpty {
            for row in try await db.sql.raw(
                "SELECT case_id, item_id, status FROM case_items WHERE case_id IN (\(binds: ids))"
            ).all() {
                items[try row.decode(column: "case_id", as: UUID.self), default: [:]][
                    ItemID(rawValue: try row.decode(column: "item_id", as: String.self))
                ] = ItemStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .open
            }
        }
        return try zip(ids, rows).map { id, row in
            ActiveCase(
                id: id, number: try row.decode(column: "number", as: String.self),
                platform: try row.decode(column: "platform", as: String.self),
                organisationID: try row.decode(column: "organisation_id", as: UUID.self),
                organisationName: try row.decode(column: "organisation_name", as: String.self),
                systemName: try row.decode(column: "system_name", as: String?.self),
                status: CaseStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .triage,
                currentPhase: PhaseID(rawValue: try row.decode(column: "current_phase", as: String.self)),
                definition: DefinitionReference(
                    id: ProcessDefinition.ID(rawValue: try row.decode(column: "definition_id", as: String.self)),
                    version: try row.decode(column: "definition_version", as: Int.self),
                    contentHash: try row.decode(column: "definition_hash", as: String.self)),
                updatedAt: try row.decode(column: "updated_at", as: Date?.self) ?? .distantPast,
                items: items[id] ?? [:])
        }
    }
}
