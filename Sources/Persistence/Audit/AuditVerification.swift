import Domain
import FluentKit
import FluentSQLiteDriver
import Foundation
import SQLKit

/// The outcome of re-computing the audit chain.
public struct AuditVerificationReport: Sendable, Equatable {
    /// Events found intact, from sequence 1 on.
    public let checked: Int64
    /// The hash of the last intact event: keep it elsewhere to detect later truncation of the chain.
    public let headHash: String
    /// The first bad event, when there is one.
    public let failure: AuditChainVerifier.Break?

    public var intact: Bool { failure == nil }
}

/// Re-computes the whole audit chain from the stored rows, in sequence order and in bounded memory.
public enum AuditVerification {
    /// Reads the chain `chunkSize` rows per query and reads the next chunk while the current one is checked:
    /// key ranges keep memory to two chunks, and a break stops the walk after at most one chunk more.
    public static func verify(on store: Store, chunkSize: Int = 4_096) async throws
        -> AuditVerificationReport
    {
        let database = store.database
        switch database.engine {
        case .sqlite:
            guard let sqlite = database as? any SQLiteDatabase else {
                preconditionFailure("The SQLite driver's database is a SQLiteDatabase")
            }
            return try await walk(SQLiteChunks(database: sqlite, limit: chunkSize))
        case .postgres:
            return try await walk(SQLChunks(database: database, limit: chunkSize))
        }
    }

    private static func walk(_ chunks: some ChunkReader) async throws -> AuditVerificationReport {
        var verifier = AuditChainVerifier()
        var chunk = try await chunks.read(after: 0)
        while let next = chunk.next {
            async let following = chunks.read(after: next)
            if let failure = try await chunks.check(chunk, with: &verifier) {
                return AuditVerificationReport(verifier, failure: failure)
            }
            chunk = try await following
        }
        let failure = try await chunks.check(chunk, with: &verifier)
        return AuditVerificationReport(verifier, failure: failure)
    }
}

extension AuditVerificationReport {
    fileprivate init(_ verifier: AuditChainVerifier, failure: AuditChainVerifier.Break?) {
        self.init(checked: verifier.checked, headHash: verifier.headHash, failure: failure)
    }
}

/// A run of the chain's rows in sequence order, as one engine hands them over.
private struct Chunk<Rows: Sendable>: Sendable {
    /// The rows have a sequence above this.
    let after: Int64
    let rows: Rows
    let count: Int
    /// Where the next chunk starts; nil when no rows follow.
    let next: Int64?
}

/// One engine's way to read the chain in key ranges and check what it read.
private protocol ChunkReader: Sendable {
    associatedtype Rows: Sendable
    func read(after: Int64) async throws -> Chunk<Rows>
    func check(_ chunk: Chunk<Rows>, with verifier: inout AuditChainVerifier) async throws
        -> AuditChainVerifier.Break?
}

/// Hands SQLite's rows over a whole chunk at a time, because SQLiteNIO makes a `String` of every text value
/// of every row, which costs more than reading the rows.
///
/// SQLite joins each row's fields, and the rows, with the byte FF, which never occurs in UTF-8. That split is
/// trusted only when it yields exactly eight fields per row and the chunk passes: anything else (a field
/// holding an FF, a range with rows missing, a break, rows that the aggregate joined out of order) is checked
/// again row by row, by key order, each row as its fields' lengths and their bytes joined. Lengths are not used throughout because `octet_length`
/// costs SQLite more than reading the row. Either way a field counts as its stored bytes, whatever their
/// storage class, and NULL as empty.
private struct SQLiteChunks: ChunkReader {
    let database: any SQLiteDatabase
    let limit: Int
    private let joinedQuery: String
    private let rowsQuery: String

    init(database: any SQLiteDatabase, limit: Int) {
        self.database = database
        self.limit = limit
        let table = AuditEventsTable.name
        let fields = AuditEventsTable.columns.split(separator: ", ").dropFirst()
        // A range of sequence values rather than LIMIT: it spares SQLite a subquery under the aggregate. concat()
        // reads NULL as empty; casting its result to BLOB hands over every byte, NUL included.
        joinedQuery = """
            SELECT count(*) AS events, (SELECT max(sequence) FROM \(table)) AS top,
                CAST(string_agg(concat(sequence, x'FF', \(fields.joined(separator: ", x'FF', "))), x'FF') AS BLOB)
                    AS joined
            FROM \(table) WHERE sequence > ?1 AND sequence <= ?1 + \(limit)
            """
        rowsQuery = """
            SELECT sequence, \(fields.map { "octet_length(\($0))" }.joined(separator: ", ")),
                CAST(concat(\(fields.joined(separator: ", "))) AS BLOB)
            FROM \(table) WHERE sequence > ?1 ORDER BY sequence LIMIT \(limit)
            """
    }

    func read(after: Int64) async throws -> Chunk<ByteBuffer> {
        let row = try await query(joinedQuery, after: after).first
        let end = after + Int64(limit)
        return Chunk(
            after: after, rows: row?.column("joined")?.blob ?? ByteBuffer(), count: row?.column("events")?.integer ?? 0,
            next: Int64(row?.column("top")?.integer ?? 0) > end ? end : nil)
    }

    func check(_ chunk: Chunk<ByteBuffer>, with verifier: inout AuditChainVerifier) async throws
        -> AuditChainVerifier.Break?
    {
        // A full range, or the last one, holds every row up to where the next chunk starts.
        var attempt = verifier
        if chunk.count == limit || chunk.next == nil,
            chunk.rows.withUnsafeReadableBytes({ Self.passes(joined: $0, rows: chunk.count, with: &attempt) })
        {
            verifier = attempt
            return nil
        }
        for row in try await query(rowsQuery, after: chunk.after) {
            let values = row.columns.map(\.data)
            let failure = (values[8].blob ?? ByteBuffer()).withUnsafeReadableBytes { bytes in
                var start = 0
                let fields = values[1...7].map { length in
                    let end = min(start + (length.integer ?? 0), bytes.count)
                    defer { start = end }
                    return UnsafeRawBufferPointer(rebasing: bytes[start..<end])
                }
                return Self.check(sequence: Int64(values[0].integer ?? -1), fields: fields[...], with: &verifier)
            }
            if let failure { return failure }
        }
        return nil
    }

    /// Whether the `rows` rows joined in `bytes` split into exactly eight fields each and all pass.
    private static func passes(joined bytes: UnsafeRawBufferPointer, rows: Int, with verifier: inout AuditChainVerifier)
        -> Bool
    {
        guard rows > 0, let base = bytes.baseAddress else { return rows == 0 && bytes.isEmpty }
        var fields: [UnsafeRawBufferPointer] = []
        fields.reserveCapacity(8)
        var start = 0
        for _ in 0..<rows {
            fields.removeAll(keepingCapacity: true)
            for _ in 0..<8 {
                guard start <= bytes.count else { return false }
                let end = memchr(base + start, 0xFF, bytes.count - start).map { base.distance(to: $0) } ?? bytes.count
                fields.append(UnsafeRawBufferPointer(rebasing: bytes[start..<end]))
                start = end + 1
            }
            guard let sequence = Int64(String(decoding: fields[0], as: UTF8.self)),
                check(sequence: sequence, fields: fields[1...], with: &verifier) == nil
            else { return false }
        }
        return start == bytes.count + 1
    }

    /// Checks one row given as its fields after `sequence`, in `AuditEventsTable.columns` order.
    private static func check(
        sequence: Int64, fields: ArraySlice<UnsafeRawBufferPointer>, with verifier: inout AuditChainVerifier
    ) -> AuditChainVerifier.Break? {
        let field = { fields[fields.startIndex + $0] }
        return verifier.check(
            sequence: sequence, occurredAt: field(0), actor: field(1), action: field(2), subject: field(3),
            payload: field(4), previousHash: field(5), hash: field(6))
    }

    // SQLiteNIO's own connection runs the query on its worker thread; the database's goes through the event
    // loop once per row.
    private func query(_ sql: String, after: Int64) async throws -> [SQLiteRow] {
        try await database.withConnection { connection in
            try await connection.query(sql, [.integer(Int(after))])
        }
    }
}

/// Any SQL database, through SQLKit: each row decoded into an `AuditEvent`.
private struct SQLChunks: ChunkReader {
    let database: any Database
    let limit: Int

    func read(after: Int64) async throws -> Chunk<[AuditEvent]> {
        let events = try await database.sql.raw(
            """
            SELECT \(unsafeRaw: AuditEventsTable.columns) FROM \(unsafeRaw: AuditEventsTable.name)
            WHERE sequence > \(bind: after) ORDER BY sequence LIMIT \(unsafeRaw: String(limit))
            """
        ).all().map(AuditLog.decodeEvent)
        return Chunk(
            after: after, rows: events, count: events.count, next: events.count < limit ? nil : events.last?.sequence)
    }

    func check(_ chunk: Chunk<[AuditEvent]>, with verifier: inout AuditChainVerifier) -> AuditChainVerifier.Break? {
        for event in chunk.rows {
            if let failure = verifier.check(event) { return failure }
        }
        return nil
    }
}
