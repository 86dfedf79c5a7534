import Foundation
import SQLKit

/// A row as SQLKit returns it (PostgreSQL), read through its decoder.
struct SQLRowColumns: ColumnReader {
    let row: any SQLRow

    func string(_ column: String) throws -> String { try row.decode(column: column, as: String.self) }
    func optionalString(_ column: String) throws -> String? { try row.decode(column: column, as: String?.self) }
    func int(_ column: String) throws -> Int { try row.decode(column: column, as: Int.self) }
    func optionalInt(_ column: String) throws -> Int? { try row.decode(column: column, as: Int?.self) }
    func uuid(_ column: String) throws -> UUID { try row.decode(column: column, as: UUID.self) }
    func optionalUUID(_ column: String) throws -> UUID? { try row.decode(column: column, as: UUID?.self) }
    func optionalDate(_ column: String) throws -> Date? { try row.decode(column: column, as: Date?.self) }
}
