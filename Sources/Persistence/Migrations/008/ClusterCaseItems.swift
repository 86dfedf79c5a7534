import FluentKit
import SQLKit

/// On SQLite, `case_items` becomes a table keyed by (case_id, item_id) `WITHOUT ROWID`, so that a case's item
/// states lie side by side in one b-tree and are read in one pass. Before, each of a case's 50-odd rows was
/// found in the unique index and then looked up again by rowid: about a sixth of the time it took to answer
/// `GET /api/v1/cases/{id}` (BENCHMARKS.md). The `id` column stays, unique, for the model. PostgreSQL keeps
/// its table: a case's rows are written together there and its index finds them.
struct ClusterCaseItems: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await rebuild(on: database, clustered: true)
    }

    func revert(on database: any Database) async throws {
        try await rebuild(on: database, clustered: false)
    }

    /// Copies `case_items` into a new table of the wanted shape, in one transaction.
    private func rebuild(on database: any Database, clustered: Bool) async throws {
        guard database.engine == .sqlite else { return }
        try await database.transaction { tx in
            let sql = tx.sql
            let key = clustered
                ? #""id" UUID NOT NULL UNIQUE"#
                : #""id" UUID PRIMARY KEY"#
            let constraint = clustered
                ? #"PRIMARY KEY ("case_id", "item_id")"#
                : #"CONSTRAINT "uq:case_items.case_id+case_items.item_id" UNIQUE ("case_id", "item_id")"#
            try await sql.raw(
                """
                CREATE TABLE "case_items_rebuilt" (\(unsafeRaw: key),
                    "case_id" UUID NOT NULL REFERENCES "cases" ("id") ON DELETE CASCADE ON UPDATE NO ACTION,
                    "item_id" TEXT NOT NULL, "status" TEXT NOT NULL, "changed_by" TEXT, "changed_at" REAL,
                    "reason" TEXT, "evidence" TEXT NOT NULL, \(unsafeRaw: constraint))\(unsafeRaw: clustered ? " WITHOUT ROWID" : "")
                """).run()
            try await sql.raw(
                """
                INSERT INTO "case_items_rebuilt" (id, case_id, item_id, status, changed_by, changed_at, reason, evidence)
                SELECT id, case_id, item_id, status, changed_by, changed_at, reason, evidence FROM "case_items"
                ORDER BY case_id, item_id
                """).run()
            try await sql.raw(#"DROP TABLE "case_items""#).run()
            try await sql.raw(#"ALTER TABLE "case_items_rebuilt" RENAME TO "case_items""#).run()
        }
    }
}
