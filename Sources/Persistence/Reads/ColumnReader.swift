import Foundation

/// The columns of one result row, read by name. The hot reads map rows through it, so each row-to-record
/// mapping is written once for both engines: on SQLite the values are read as SQLiteNIO hands them over
/// (`SQLiteRow+ColumnReader.swift`), on PostgreSQL through SQLKit's decoder (`SQLRowColumns`).
protocol ColumnReader {
    func string(_ column: String) throws -> String
    func optionalString(_ column: String) throws -> String?
    func int(_ column: String) throws -> Int
    func optionalInt(_ column: String) throws -> Int?
    func uuid(_ column: String) throws -> UUID
    func optionalUUID(_ column: String) throws -> UUID?
    func optionalDate(_ column: String) throws -> Date?
}

extension ColumnReader {
    func date(_ column: String) throws -> Date {
        try required(column, optionalDate)
    }

    /// The value `read` finds in `column`; NULL is an error.
    func required<T>(_ column: String, _ read: (String) throws -> T?) throws -> T {
        guard let value = try read(column) else { throw UnreadableColumn(column: column, value: "NULL") }
        return value
    }
}

/// A column is missing from the row or holds a value of another type: the query and its mapping disagree.
struct UnreadableColumn: Error, CustomStringConvertible {
    let column: String
    let value: String

    var description: String { "Column \(column) cannot be read from \(value)." }
}
