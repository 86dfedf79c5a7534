import FluentKit
import SQLKit

/// `cases.submitted_at`: when the order was first submitted, which orders the queue until the assessment
/// matrix scores cases. Cases already past their draft take their creation time.
struct AddCaseSubmittedAt: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(CaseModel.schema).field("submitted_at", .datetime).update()
        let sql = database.sql
        try await sql.raw(
            "UPDATE \(ident: CaseModel.schema) SET submitted_at = created_at WHERE status <> \(bind: "draft")"
        ).run()
        try await sql.create(index: "cases_queue_idx").on(CaseModel.schema)
            .column("platform").column("status").column("submitted_at").run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql.drop(index: "cases_queue_idx").run()
        try await database.schema(CaseModel.schema).deleteField("submitted_at").update()
    }
}
