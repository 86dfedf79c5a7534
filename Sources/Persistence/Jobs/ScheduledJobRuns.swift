import FluentKit
import Foundation
import SQLKit

/// When each scheduled job last ran successfully (`scheduled_jobs`), shared by every instance.
public enum ScheduledJobRuns {
    /// Every job's last successful run, by name.
    public static func lastRuns(on store: Store) async throws -> [String: Date] {
        let database = store.database
        let rows = try await database.sql.raw(
            "SELECT name, last_run_at FROM \(unsafeRaw: ScheduledJobsTable.name)"
        ).all()
        var runs: [String: Date] = [:]
        for row in rows {
            runs[try row.decode(column: "name", as: String.self)] = try row.decode(column: "last_run_at", as: Date.self)
        }
        return runs
    }

    /// Records that `name` ran successfully at `date`.
    public static func record(_ name: String, ranAt date: Date, on store: Store) async throws {
        let database = store.database
        try await database.sql.insert(into: ScheduledJobsTable.name)
            .columns("name", "last_run_at")
            .values(SQLBind(name), SQLBind(date))
            .onConflict(with: ["name"]) { $0.set(excludedValueOf: "last_run_at") }
            .run()
    }
}
