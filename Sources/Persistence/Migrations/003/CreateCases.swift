import FluentKit
import SQLKit

/// Published process definitions, cases, their item states, decisions and threads.
struct CreateCases: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ProcessDefinitionModel.schema)
            .id()
            .field("definition_id", .string, .required)
            .field("version", .int, .required)
            .field("platform", .string, .required)
            .field("content_hash", .string, .required)
            .field("document", .string, .required)
            .field("published_at", .datetime)
            .unique(on: "definition_id", "version")
            .create()
        try await database.schema(CaseModel.schema)
            .id()
            .field("number", .string, .required)
            .field("platform", .string, .required)
            .field("organisation_id", .uuid, .required, .references(OrganisationModel.schema, .id))
            .field("created_by", .uuid, .required)
            .field("status", .string, .required)
            .field("resume_status", .string)
            .field("current_phase", .string, .required)
            .field("definition_id", .string, .required)
            .field("definition_version", .int, .required)
            .field("definition_hash", .string, .required)
            .field("fields", .string, .required)
            .field("version", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "number")
            .create()
        try await database.schema(CaseItemModel.schema)
            .id()
            .field("case_id", .uuid, .required, .references(CaseModel.schema, .id, onDelete: .cascade))
            .field("item_id", .string, .required)
            .field("status", .string, .required)
            .field("changed_by", .string)
            .field("changed_at", .datetime)
            .field("reason", .string)
            .field("evidence", .string, .required)
            .unique(on: "case_id", "item_id")
            .create()
        try await database.schema(CaseDecisionModel.schema)
            .id()
            .field("case_id", .uuid, .required, .references(CaseModel.schema, .id, onDelete: .cascade))
            .field("item_id", .string, .required)
            .field("outcome", .string, .required)
            .field("decided_by", .string, .required)
            .field("decided_at", .datetime, .required)
            .field("reason", .string)
            .create()
        try await database.schema(CaseThreadModel.schema)
            .id()
            .field("case_id", .uuid, .required, .references(CaseModel.schema, .id, onDelete: .cascade))
            .field("item_id", .string)
            .field("kind", .string, .required)
            .field("status", .string, .required)
            .field("created_by", .uuid, .required)
            .field("created_at", .datetime)
            .create()
        try await database.schema(CaseMessageModel.schema)
            .id()
            .field("thread_id", .uuid, .required, .references(CaseThreadModel.schema, .id, onDelete: .cascade))
            .field("author_id", .uuid, .required)
            .field("body", .string, .required)
            .field("created_at", .datetime)
            .create()
        let sql = database.sql
        // Serves the queue views: one status, newest change first, read in index order and cut at the page size.
        try await sql.create(index: "cases_status_updated_idx").on(CaseModel.schema)
            .column("status").column("updated_at").column("id").run()
        try await sql.create(index: "cases_updated_idx").on(CaseModel.schema).column("updated_at").column("id").run()
        try await sql.create(index: "cases_organisation_idx").on(CaseModel.schema).column("organisation_id").run()
        try await sql.create(index: "case_decisions_case_idx").on(CaseDecisionModel.schema).column("case_id").run()
        try await sql.create(index: "case_threads_case_idx").on(CaseThreadModel.schema).column("case_id").run()
    }

    // Loses every case; only for tearing down a test database.
    func revert(on database: any Database) async throws {
        for schema in [
            CaseMessageModel.schema, CaseThreadModel.schema, CaseDecisionModel.schema, CaseItemModel.schema,
            CaseModel.schema, ProcessDefinitionModel.schema,
        ] {
            try await database.schema(schema).delete()
        }
    }
}
