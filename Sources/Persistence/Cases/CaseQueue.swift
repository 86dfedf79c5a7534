import Domain
import FluentKit
import Foundation
import SQLKit

/// The queue of cases waiting for work to start on a platform: submitted, in triage or queued. Until the
/// assessment matrix scores cases, the order is first come, first served by the first submission.
public enum CaseQueue {
    public struct Place: Sendable, Hashable {
        /// 1 for the next case to be worked.
        public let position: Int
        public let total: Int
    }

    static let waiting: [CaseStatus] = [.submitted, .triage, .queued]

    /// The place of every waiting case on `platforms`, by case id; cases not waiting are absent.
    public static func places(on platforms: Set<String>, in store: Store) async throws -> [UUID: Place] {
        let db = store.database
        guard !platforms.isEmpty else { return [:] }
        let rows = try await db.sql.select()
            .column("id").column("platform")
            .from(CaseModel.schema)
            .where("platform", .in, SQLBind.group(Array(platforms)))
            .where("status", .in, SQLBind.group(waiting.map(\.rawValue)))
            .orderBy("submitted_at").orderBy("id")
            .all()
        var order: [String: [UUID]] = [:]
        for row in rows {
            order[try row.decode(column: "platform", as: String.self), default: []]
                .append(try row.decode(column: "id", as: UUID.self))
        }
        var places: [UUID: Place] = [:]
        for ids in order.values {
            for (index, id) in ids.enumerated() { places[id] = Place(position: index + 1, total: ids.count) }
        }
        return places
    }

    /// The place of one case, counted in the database; nil when the case is not waiting.
    public static func place(of id: UUID, in store: Store) async throws -> Place? {
        let db = store.database
        let statuses = waiting.map(\.rawValue)
        // Ahead are the waiting cases of the platform that `places` orders before this one.
        guard let row = try await db.sql.raw(
            """
            SELECT
              (SELECT COUNT(*) FROM cases o WHERE o.platform = c.platform AND o.status IN (\(binds: statuses))
                 AND (o.submitted_at < c.submitted_at OR (o.submitted_at = c.submitted_at AND o.id < c.id))) AS ahead,
              (SELECT COUNT(*) FROM cases o WHERE o.platform = c.platform AND o.status IN (\(binds: statuses))) AS total
            FROM cases c WHERE c.id = \(bind: id) AND c.status IN (\(binds: statuses))
            """
        ).first() else { return nil }
        return Place(
            position: try row.decode(column: "ahead", as: Int.self) + 1, total: try row.decode(column: "total", as: Int.self))
    }
}
