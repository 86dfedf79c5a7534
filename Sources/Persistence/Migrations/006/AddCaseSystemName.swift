import FluentKit
import SQLKit

/// `cases.system_name`: the order's system name as a column of its own, so that case lists do not parse
/// every order's fields. Filled from the fields of the cases that exist.
struct AddCaseSystemName: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(CaseModel.schema).field("system_name", .string).update()
        let sql = database.sql
        // Each engine reads JSON with its own function.
        let extract: SQLQueryString = sql.dialect.name == "postgresql"
            ? "(fields::jsonb ->> 'system_name')" : "json_extract(fields, '$.system_name')"
        try await sql.raw("UPDATE \(ident: CaseModel.schema) SET system_name = \(extract)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CaseModel.schema).deleteField("system_name").update()
    }
}
