import Domain
import FluentKit
import Foundation
import FluentSQLiteDriver
import SQLKit

// The reads of the hot paths (a case, a list, a bearer token), mapped row by row through `ColumnReader`.
//
// On SQLite they run on the read pool's connections, synchronously, with their prepared statements kept
// (`SQLiteReadPool`); inside a transaction they run on its connection through SQLiteNIO, whose values are read
// directly: SQLKit's generic decoding (`SQLiteDataDecoder`, a dynamic cast per column, `sscanf` for every text
// UUID) was the largest cost of the reads. PostgreSQL keeps the SQLKit path.
extension Database {
    /// Each row of `query`, mapped.
    func rows<T>(_ query: any SQLExpression, _ map: (any ColumnReader) throws -> T) async throws -> [T] {
        let sql = self.sql
        guard let sqlite = self as? any SQLiteDatabase else {
            return try await sql.raw("\(query)").all().map { try map(SQLRowColumns(row: $0)) }
        }
        let (text, binds) = sql.serialize(query)
        sql.logger.debug("Executing query", metadata: ["sql": .string(text)])
        let encoder = SQLiteDataEncoder()
        // A UUID would be encoded through Codable and `uuidString`; the text is the same.
        let values = try binds.map { try ($0 as? UUID).map { .text(UUIDText.string($0)) } ?? encoder.encode($0) }
        if let reads = sqliteReads {
            return try reads.withConnection { try $0.rows(text, values, map) }
        }
        let rows: [SQLiteRow] = try await sqlite.query(text, values).get()
        return try rows.map { try map($0) }
    }

    /// The first row of `query`, mapped; nil when there is none.
    func firstRow<T>(_ query: any SQLExpression, _ map: (any ColumnReader) throws -> T) async throws -> T? {
        try await rows(query, map).first
    }
}
