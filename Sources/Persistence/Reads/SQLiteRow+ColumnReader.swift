import FluentSQLiteDriver
import Foundation

// SQLiteNIO's values read directly: SQLKit's generic decoder costs a dynamic cast per column and parses text
// UUIDs with `sscanf`. Strings, integers and dates convert exactly as `SQLiteDataDecoder` converts them.
extension SQLiteRow: ColumnReader {
    func string(_ column: String) throws -> String {
        try convert(column) { String(sqliteData: $0) }
    }

    func optionalString(_ column: String) throws -> String? {
        try optional(column) { String(sqliteData: $0) }
    }

    func int(_ column: String) throws -> Int {
        try convert(column) { Int(sqliteData: $0) }
    }

    // Fluent stores UUIDs on SQLite as text.
    func uuid(_ column: String) throws -> UUID {
        try convert(column, Self.uuid)
    }

    func optionalUUID(_ column: String) throws -> UUID? {
        try optional(column, Self.uuid)
    }

    func optionalDate(_ column: String) throws -> Date? {
        try optional(column) { Date(sqliteData: $0) }
    }

    private static func uuid(_ data: SQLiteData) -> UUID? {
        guard case .text(let text) = data else { return nil }
        return UUIDText.parse(text)
    }

    private func convert<T>(_ column: String, _ conversion: (SQLiteData) -> T?) throws -> T {
        guard let value = try optional(column, conversion) else { throw UnreadableColumn(column: column, value: "NULL") }
        return value
    }

    private func optional<T>(_ column: String, _ conversion: (SQLiteData) -> T?) throws -> T? {
        let data = try value(column)
        if data.isNull { return nil }
        guard let value = conversion(data) else { throw UnreadableColumn(column: column, value: data.description) }
        return value
    }

    private func value(_ column: String) throws -> SQLiteData {
        guard let data = self.column(column) else { throw UnreadableColumn(column: column, value: "no such column") }
        return data
    }
}
