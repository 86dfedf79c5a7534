import FluentKit
import FluentSQLiteDriver
import SQLKit

/// The reads of the hot paths (a case, a list, a bearer token), run on one connection and mapped row by row
/// through `ColumnReader`.
///
/// On SQLite the session holds the leased `SQLiteConnection` and runs each query with SQLiteNIO's own async
/// `query`: the statement runs and its rows are collected on SQLite's thread, and the caller resumes once.
/// Through SQLKit and Fluent's pool every row is first sent to the event loop as its own task and the query
/// takes a pool round trip of its own; with 50 item states that was the largest cost after authentication
/// (BENCHMARKS.md, case API). PostgreSQL keeps the SQLKit path.
struct ReadSession: Sendable {
    private let sql: any SQLDatabase
    private let sqlite: SQLiteConnection?

    /// Each row of `query`, mapped.
    func all<T>(_ query: any SQLExpression, _ map: (any ColumnReader) throws -> T) async throws -> [T] {
        guard let sqlite else {
            return try await sql.raw("\(query)").all().map { try map(SQLRowColumns(row: $0)) }
        }
        let (text, binds) = sql.serialize(query)
        sql.logger.debug("Executing query", metadata: ["sql": .string(text)])
        let encoder = SQLiteDataEncoder()
        let rows = try await sqlite.query(text, try binds.map { try encoder.encode($0) })
        return try rows.map { try map($0) }
    }

    /// The first row of `query`, mapped; nil when there is none.
    func first<T>(_ query: any SQLExpression, _ map: (any ColumnReader) throws -> T) async throws -> T? {
        try await all(query, map).first
    }

    fileprivate init(sql: any SQLDatabase, sqlite: SQLiteConnection?) {
        self.sql = sql
        self.sqlite = sqlite
    }
}

extension Database {
    /// Runs `reads` in a `ReadSession` on one connection of this database (the transaction's, inside one).
    func read<T: Sendable>(_ reads: @escaping @Sendable (ReadSession) async throws -> T) async throws -> T {
        let sql = self.sql
        guard let sqlite = self as? any SQLiteDatabase else { return try await reads(ReadSession(sql: sql, sqlite: nil)) }
        return try await sqlite.withConnection { connection in
            try await reads(ReadSession(sql: sql, sqlite: connection))
        }
    }
}
