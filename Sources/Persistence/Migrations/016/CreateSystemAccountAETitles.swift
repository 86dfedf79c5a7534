import FluentKit
import Foundation
import SQLKit

/// An account's calling AE titles as rows of their own, so that one account carries several (a modality fleet, an
/// archive's nodes) and an association is matched by any of them through an index: at most one account that is
/// not revoked holds a title in an environment. The single `dicom_ae_title` of migration 014 moves into the table.
struct CreateSystemAccountAETitles: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(SystemAccountAETitleModel.schema)
            .id()
            .field("account_id", .uuid, .required, .references(SystemAccountModel.schema, "id"))
            .field("environment", .string, .required)
            .field("ae_title", .string, .required)
            .field("position", .int, .required)
            .field("revoked_at", .datetime)
            .unique(on: "account_id", "ae_title")
            .create()
        let sql = database.sql
        // Both the rule and the admission's lookup by title: the query names `revoked_at IS NULL` as the index does.
        try await sql.raw("""
            CREATE UNIQUE INDEX system_account_ae_titles_active ON system_account_ae_titles (environment, ae_title)
            WHERE revoked_at IS NULL
            """).run()
        let titled = try await sql.raw("""
            SELECT id, environment, dicom_ae_title, status, updated_at FROM system_accounts
            WHERE dicom_ae_title IS NOT NULL
            """).all().map(SQLRowColumns.init).map { row in
            (id: try row.uuid("id"), environment: try row.string("environment"), title: try row.string("dicom_ae_title"),
             revokedAt: try row.string("status") == "revoked" ? try row.date("updated_at") : nil)
        }
        for account in titled {
            let model = SystemAccountAETitleModel()
            model.id = UUID()
            model.accountID = account.id
            model.environment = account.environment
            model.aeTitle = account.title
            model.position = 0
            model.revokedAt = account.revokedAt
            try await model.create(on: database)
        }
        try await sql.raw("DROP INDEX system_accounts_ae_title").run()
        try await database.schema(SystemAccountModel.schema).deleteField("dicom_ae_title").update()
    }

    // Loses every account's AE titles after its first.
    func revert(on database: any Database) async throws {
        let sql = database.sql
        try await database.schema(SystemAccountModel.schema).field("dicom_ae_title", .string).update()
        try await sql.raw("""
            UPDATE system_accounts SET dicom_ae_title = (SELECT t.ae_title FROM system_account_ae_titles t
                WHERE t.account_id = system_accounts.id AND t.position = 0)
            """).run()
        try await sql.raw("""
            CREATE UNIQUE INDEX system_accounts_ae_title ON system_accounts (environment, dicom_ae_title)
            WHERE status <> 'revoked' AND dicom_ae_title IS NOT NULL
            """).run()
        try await database.schema(SystemAccountAETitleModel.schema).delete()
    }
}
