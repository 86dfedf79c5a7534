import FluentKit
import SQLKit

/// Prioritisation: the published assessment matrices, each case's assessments (the newest is current), the
/// queue's skips, and every status change of a case (when it started and reached production: the forecast's history).
struct CreatePrioritisation: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AssessmentMatrixModel.schema)
            .id()
            .field("matrix_id", .string, .required)
            .field("version", .int, .required)
            .field("platform", .string, .required)
            .field("content_hash", .string, .required)
            .field("document", .string, .required)
            .field("published_at", .datetime, .required)
            .unique(on: "matrix_id", "version")
            .create()
        try await database.schema(CaseAssessmentModel.schema)
            .id()
            .field("case_id", .uuid, .required, .references(CaseModel.schema, .id, onDelete: .cascade))
            .field("sequence", .int, .required)
            .field("is_current", .bool, .required)
            .field("matrix_id", .string, .required)
            .field("matrix_version", .int, .required)
            .field("matrix_hash", .string, .required)
            .field("total", .int, .required)
            .field("document", .string, .required)
            .field("assessed_by", .uuid, .required)
            .field("assessed_at", .datetime, .required)
            .unique(on: "case_id", "sequence")
            .create()
        try await database.schema(QueueSkipModel.schema)
            .field("case_id", .uuid, .identifier(auto: false), .references(CaseModel.schema, .id, onDelete: .cascade))
            .field("reason", .string, .required)
            .field("skipped_by", .uuid, .required)
            .field("skipped_at", .datetime, .required)
            .create()
        try await database.schema(CaseStatusChangeModel.schema)
            .id()
            .field("case_id", .uuid, .required, .references(CaseModel.schema, .id, onDelete: .cascade))
            .field("platform", .string, .required)
            .field("from_status", .string, .required)
            .field("to_status", .string, .required)
            .field("changed_at", .datetime, .required)
            .create()
        let sql = database.sql
        // The queue reads each waiting case's current assessment by case.
        try await sql.create(index: "case_assessments_current_idx").on(CaseAssessmentModel.schema)
            .column("case_id").column("is_current").run()
        // The forecast reads a platform's recent starts and arrivals in production.
        try await sql.create(index: "case_status_changes_platform_idx").on(CaseStatusChangeModel.schema)
            .column("platform").column("to_status").column("changed_at").run()
        try await sql.create(index: "case_status_changes_case_idx").on(CaseStatusChangeModel.schema)
            .column("case_id").run()
        // The queue reads a platform's cases in the waiting and place-holding statuses.
        try await sql.create(index: "cases_platform_status_idx").on(CaseModel.schema)
            .column("platform").column("status").run()
    }

    // Loses every assessment and the recorded status changes.
    func revert(on database: any Database) async throws {
        try await database.sql.drop(index: "cases_platform_status_idx").run()
        for schema in [
            CaseStatusChangeModel.schema, QueueSkipModel.schema, CaseAssessmentModel.schema, AssessmentMatrixModel.schema,
        ] {
            try await database.schema(schema).delete()
        }
    }
}
