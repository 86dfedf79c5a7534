import FluentKit
import Foundation
import SQLKit

extension CaseThreads {
    /// The cases among `ids` with an open question from the platform team, which waits for the applicant.
    /// The asker counts as platform team when they hold no applicant role.
    public static func awaitingApplicant(among ids: [UUID], on store: Store) async throws -> Set<UUID> {
        let db = store.database
        guard !ids.isEmpty else { return [] }
        let rows = try await db.sql.raw(
            """
            SELECT DISTINCT t.case_id FROM case_threads t
            WHERE t.case_id IN (\(binds: ids)) AND t.kind = \(bind: Kind.question.rawValue)
              AND t.status = \(bind: Status.open.rawValue)
              AND NOT EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = t.created_by AND r.role = 'applicant')
            """
        ).all()
        return Set(try rows.map { try $0.decode(column: "case_id", as: UUID.self) })
    }
}
