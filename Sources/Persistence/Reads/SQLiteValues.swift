import Domain
import FluentSQLiteDriver
import Foundation

/// A row of SQLite values, looked up by column name: SQLiteNIO's rows and the read pool's statements.
protocol SQLiteValues: ColumnReader {
    /// The column's value; nil when the row has no such column.
    func sqliteData(_ column: String) -> SQLiteData?
}

// SQLite's values read directly: SQLKit's generic decoder costs a dynamic cast per column and parses text UUIDs
// with `sscanf`. Strings, integers and dates convert exactly as `SQLiteDataDecoder` converts them.
extension SQLiteValues {
    func string(_ column: String) throws -> String {
        try convert(column) { String(sqliteData: $0) }
    }

    func optionalString(_ column: String) throws -> String? {
        try optional(column) { String(sqliteData: $0) }
    }

    func int(_ column: String) throws -> Int {
        try convert(column) { Int(sqliteData: $0) }
    }

    func optionalInt(_ column: String) throws -> Int? {
        try optional(column) { Int(sqliteData: $0) }
    }

    // Fluent stores UUIDs on SQLite as text.
    func uuid(_ column: String) throws -> UUID {
        try convert(column, uuid)
    }

    func optionalUUID(_ column: String) throws -> UUID? {
        try optional(column, uuid)
    }

    func optionalDate(_ column: String) throws -> Date? {
        try optional(column) { Date(sqliteData: $0) }
    }

    private func uuid(_ data: SQLiteData) -> UUID? {
        guard case .text(let text) = data else { return nil }
        return UUIDText.parse(text)
    }

    private func convert<T>(_ column: String, _ conversion: (SQLiteData) -> T?) throws -> T {
        guard let value = try optional(column, conversion) else { throw UnreadableColumn(column: column, value: "NULL") }
        return value
    }

    private func optional<T>(_ column: String, _ conversion: (SQLiteData) -> T?) throws -> T? {
        guard let data = sqliteData(column) else { throw UnreadableColumn(column: column, value: "no such column") }
        if data.isNull { return nil }
        guard let value = conversion(data) else { throw UnreadableColumn(column: column, value: data.description) }
        return value
    }
}

extension SQLiteRow: SQLiteValues {
    func sqliteData(_ column: String) -> SQLiteData? { self.column(column) }
}
