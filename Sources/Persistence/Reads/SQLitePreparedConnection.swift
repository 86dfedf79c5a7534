import Domain
import FluentSQLiteDriver
import Foundation
// SQLiteNIO's own copy of SQLite (its symbols carry a prefix). It must be the same copy the writers use: two
// copies of SQLite in one process do not see each other's POSIX locks on the file.
import VaporCSQLite

/// A connection to the SQLite file that keeps its prepared statements, used synchronously on the caller's thread
/// and by one thread at a time: read-only ones handed over through `SQLiteReadPool`, and the verification
/// traffic's own writing one (`SQLiteTrafficWriter`).
final class SQLitePreparedConnection: @unchecked Sendable {
    private let handle: OpaquePointer
    private var statements: [String: PreparedStatement] = [:]

    /// More distinct statements than the hot reads use; past it the cache starts over.
    private static let statementLimit = 64

    init(path: String, writable: Bool = false) throws(SQLiteFailure) {
        var opened: OpaquePointer?
        let status = sqlite_nio_sqlite3_open_v2(
            path, &opened, (writable ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY) | SQLITE_OPEN_NOMUTEX, nil)
        guard status == SQLITE_OK, let opened else {
            let failure = SQLiteFailure(status: status, handle: opened, sql: nil)
            sqlite_nio_sqlite3_close(opened)
            throw failure
        }
        // In WAL mode a reader waits only while a writer recovers or restarts the log, which is brief and rare; a
        // writer waits for another process's writer. The wait happens on the calling thread.
        sqlite_nio_sqlite3_busy_timeout(opened, writable ? 10_000 : 2_000)
        handle = opened
    }

    deinit {
        for statement in statements.values { sqlite_nio_sqlite3_finalize(statement.handle) }
        sqlite_nio_sqlite3_close(handle)
    }

    /// Each row of `sql` with `binds`, mapped while the statement steps.
    func rows<T>(_ sql: String, _ binds: [SQLiteData], _ map: (any ColumnReader) throws -> T) throws -> [T] {
        let statement = try prepared(sql)
        // Every parameter is bound anew on each use, so the old values are not cleared: clearing marks a
        // statement whose plan notes a parameter (any join with `x = ?` does) for preparing anew, every time.
        defer { sqlite_nio_sqlite3_reset(statement.handle) }
        try bind(binds, to: statement, sql: sql)
        let row = StatementRow(statement: statement)
        var result: [T] = []
        while true {
            switch sqlite_nio_sqlite3_step(statement.handle) {
            case SQLITE_ROW:
                if result.isEmpty { statement.findColumnsIfReprepared() }
                result.append(try map(row))
            case SQLITE_DONE: return result
            case let status: throw SQLiteFailure(status: status, handle: handle, sql: sql)
            }
        }
    }

    /// Runs a statement that returns no rows (`BEGIN`, an `INSERT`).
    func execute(_ sql: String, _ binds: [SQLiteData] = []) throws {
        _ = try rows(sql, binds) { _ in () }
    }

    private func prepared(_ sql: String) throws(SQLiteFailure) -> PreparedStatement {
        if let statement = statements[sql] { return statement }
        if statements.count >= Self.statementLimit {
            for statement in statements.values { sqlite_nio_sqlite3_finalize(statement.handle) }
            statements.removeAll()
        }
        var prepared: OpaquePointer?
        let status = sqlite_nio_sqlite3_prepare_v3(
            handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &prepared, nil)
        guard status == SQLITE_OK, let prepared else {
            throw SQLiteFailure(status: status, handle: handle, sql: sql)
        }
        let statement = PreparedStatement(handle: prepared)
        statements[sql] = statement
        return statement
    }

    private func bind(_ binds: [SQLiteData], to statement: PreparedStatement, sql: String) throws(SQLiteFailure) {
        // Old values stay bound (see `rows`), so a parameter left out would silently keep one.
        guard sqlite_nio_sqlite3_bind_parameter_count(statement.handle) == binds.count else {
            throw SQLiteFailure(status: SQLITE_RANGE, handle: nil, sql: sql)
        }
        for (offset, value) in binds.enumerated() {
            let index = Int32(offset + 1)
            let status: Int32
            switch value {
            case .integer(let integer): status = sqlite_nio_sqlite3_bind_int64(statement.handle, index, Int64(integer))
            case .float(let double): status = sqlite_nio_sqlite3_bind_double(statement.handle, index, double)
            case .text(let text):
                status = sqlite_nio_sqlite3_bind_text64(
                    statement.handle, index, text, UInt64(text.utf8.count), transient, UInt8(SQLITE_UTF8))
            case .blob(let buffer):
                status = buffer.withUnsafeReadableBytes {
                    sqlite_nio_sqlite3_bind_blob64(statement.handle, index, $0.baseAddress, UInt64($0.count), transient)
                }
            case .null: status = sqlite_nio_sqlite3_bind_null(statement.handle, index)
            }
            guard status == SQLITE_OK else { throw SQLiteFailure(status: status, handle: handle, sql: sql) }
        }
    }
}

/// Tells SQLite to copy a bound value before the call returns (`SQLITE_TRANSIENT`, a macro Swift cannot import).
private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// A prepared statement with its result columns by name, found when it is prepared and again when SQLite has
/// prepared it anew after a schema change (`SELECT *` may then bring other columns).
private final class PreparedStatement {
    let handle: OpaquePointer
    // In result order. A row is read column by column in much the same order, and names are short, so a
    // scan from the column after the last one found beats hashing the name (it showed in the profile).
    private var names: [String] = []
    private var lastFound = -1
    private var preparations: Int32 = 0

    init(handle: OpaquePointer) {
        self.handle = handle
        findColumns()
    }

    /// The result column called `name`.
    func column(_ name: String) -> Int32? {
        let count = names.count
        var index = lastFound + 1
        for _ in 0..<count {
            if index == count { index = 0 }
            if names[index] == name {
                lastFound = index
                return Int32(index)
            }
            index += 1
        }
        return nil
    }

    /// Call once a step has run: that is when SQLite prepares a statement anew.
    func findColumnsIfReprepared() {
        if sqlite_nio_sqlite3_stmt_status(handle, SQLITE_STMTSTATUS_REPREPARE, 0) != preparations { findColumns() }
    }

    private func findColumns() {
        preparations = sqlite_nio_sqlite3_stmt_status(handle, SQLITE_STMTSTATUS_REPREPARE, 0)
        names = (0..<sqlite_nio_sqlite3_column_count(handle)).map { index in
            sqlite_nio_sqlite3_column_name(handle, index).map { String(cString: $0) } ?? ""
        }
        lastFound = -1
    }
}

/// The row a statement is on, read in place: valid only until the next step.
private struct StatementRow: SQLiteValues {
    let statement: PreparedStatement

    func sqliteData(_ column: String) -> SQLiteData? {
        guard let index = statement.column(column) else { return nil }
        let handle = statement.handle
        switch sqlite_nio_sqlite3_column_type(handle, index) {
        case SQLITE_INTEGER: return .integer(Int(sqlite_nio_sqlite3_column_int64(handle, index)))
        case SQLITE_FLOAT: return .float(sqlite_nio_sqlite3_column_double(handle, index))
        case SQLITE_TEXT: return .text(String(decoding: text(index), as: UTF8.self))
        case SQLITE_BLOB:
            let bytes = sqlite_nio_sqlite3_column_blob(handle, index)
            let count = Int(sqlite_nio_sqlite3_column_bytes(handle, index))
            return .blob(ByteBuffer(bytes: UnsafeRawBufferPointer(start: bytes, count: count)))
        default: return .null
        }
    }

    // Text and reals, the columns a case has most of, read without an `SQLiteData` between; other types
    // convert as every row's do.
    func string(_ column: String) throws -> String {
        try required(column, optionalString)
    }

    func optionalString(_ column: String) throws -> String? {
        let index = try self.index(column)
        switch sqlite_nio_sqlite3_column_type(statement.handle, index) {
        case SQLITE_NULL: return nil
        case SQLITE_TEXT: return String(decoding: text(index), as: UTF8.self)
        default: return try converted(column) { String(sqliteData: $0) }
        }
    }

    func optionalDate(_ column: String) throws -> Date? {
        let index = try self.index(column)
        switch sqlite_nio_sqlite3_column_type(statement.handle, index) {
        case SQLITE_NULL: return nil
        case SQLITE_FLOAT: return Date(timeIntervalSince1970: sqlite_nio_sqlite3_column_double(statement.handle, index))
        default: return try converted(column) { Date(sqliteData: $0) }
        }
    }

    // Parsed from SQLite's bytes, without a String between.
    func uuid(_ column: String) throws -> UUID {
        try required(column, optionalUUID)
    }

    func optionalUUID(_ column: String) throws -> UUID? {
        let index = try self.index(column)
        switch sqlite_nio_sqlite3_column_type(statement.handle, index) {
        case SQLITE_NULL: return nil
        case SQLITE_TEXT:
            guard let uuid = UUIDText.parse(utf8: text(index)) else {
                throw UnreadableColumn(column: column, value: String(decoding: text(index), as: UTF8.self))
            }
            return uuid
        default: throw UnreadableColumn(column: column, value: sqliteData(column)?.description ?? "?")
        }
    }

    private func index(_ column: String) throws -> Int32 {
        guard let index = statement.column(column) else {
            throw UnreadableColumn(column: column, value: "no such column")
        }
        return index
    }

    /// A value of a type the fast paths above do not read, converted as `SQLiteValues` converts it.
    private func converted<T>(_ column: String, _ conversion: (SQLiteData) -> T?) throws -> T {
        let data = sqliteData(column) ?? .null
        guard let value = conversion(data) else { throw UnreadableColumn(column: column, value: data.description) }
        return value
    }

    /// The column's text as SQLite holds it: text first, then its length in bytes, as SQLite asks; the bytes
    /// may hold NUL, so no C string.
    private func text(_ index: Int32) -> UnsafeBufferPointer<UInt8> {
        let text = sqlite_nio_sqlite3_column_text(statement.handle, index)
        return UnsafeBufferPointer(start: text, count: Int(sqlite_nio_sqlite3_column_bytes(statement.handle, index)))
    }
}

/// SQLite refused to open, prepare or step: its result code and message, and the statement if there was one.
struct SQLiteFailure: Error, CustomStringConvertible {
    let status: Int32
    let message: String
    let sql: String?

    init(status: Int32, handle: OpaquePointer?, sql: String?) {
        self.status = status
        message = handle.flatMap { sqlite_nio_sqlite3_errmsg($0) }.map { String(cString: $0) }
            ?? String(cString: sqlite_nio_sqlite3_errstr(status))
        self.sql = sql
    }

    var description: String {
        "SQLite error \(status): \(message)" + (sql.map { " (in \($0))" } ?? "")
    }
}
