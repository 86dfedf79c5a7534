import FluentKit
import SQLKit

/// Documents attached to cases: one row per uploaded version; the content lives on disk by its SHA-256.
struct CreateCaseDocuments: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(CaseDocumentModel.schema)
            .id()
            .field("case_id", .uuid, .required, .references(CaseModel.schema, .id, onDelete: .cascade))
            .field("kind", .string, .required)
            .field("version", .int, .required)
            .field("file_name", .string, .required)
            .field("content_type", .string, .required)
            .field("size", .int64, .required)
            .field("sha256", .string, .required)
            .field("uploaded_by", .uuid, .required)
            .field("uploaded_at", .datetime, .required)
            .unique(on: "case_id", "kind", "version")
            .create()
    }

    // The files stay on disk; without rows nothing points at them.
    func revert(on database: any Database) async throws {
        try await database.schema(CaseDocumentModel.schema).delete()
    }
}
