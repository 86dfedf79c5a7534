import Domain
import FluentKit
import Foundation
import SQLKit

/// Appends to and reads from the `audit_events` table.
enum AuditTrail {
    /// Seals `draft` after the current head of the chain and inserts it. Runs only inside `Database.write`,
    /// whose writer lock keeps two writers from both extending the same head.
    static func append(_ draft: AuditEventDraft, at date: Date, in database: any Database) async throws
        -> AuditEvent
    {
        let sql = database.sql
        let head = try await sql.raw(
            "SELECT sequence, hash FROM \(unsafeRaw: AuditEventsTable.name) ORDER BY sequence DESC LIMIT 1"
        ).first()
        let previousSequence = try head?.decode(column: "sequence", as: Int64.self) ?? 0
        let previousHash = try head?.decode(column: "hash", as: String.self) ?? AuditChain.genesisHash
        let event = AuditChain.seal(draft, sequence: previousSequence + 1, at: date, previousHash: previousHash)
        try await sql.insert(into: AuditEventsTable.name)
            .columns("sequence", "occurred_at", "actor", "action", "subject", "payload", "previous_hash", "hash")
            .values(
                SQLBind(event.sequence), SQLBind(event.occurredAt), SQLBind(event.actor), SQLBind(event.action),
                SQLBind(event.subject), SQLBind(event.payload), SQLBind(event.previousHash), SQLBind(event.hash)
            )
            .run()
        return event
    }
}

/// Reading the audit trail.
public enum AuditLog {
    /// The events about `subject`, oldest first.
    public static func events(about subject: String, on store: Store) async throws -> [AuditEvent] {
        let database = store.database
        return try await database.sql.raw(
            """
            SELECT \(unsafeRaw: AuditEventsTable.columns) FROM \(unsafeRaw: AuditEventsTable.name)
            WHERE subject = \(bind: subject) ORDER BY sequence
            """
        ).all().map(decodeEvent)
    }

    /// The sequence of the trail's newest event (0 when empty). Every change is audited in its own transaction, so a
    /// reader that remembers it can tell whether anything changed since: the queue's cache asks.
    public static func headSequence(on store: Store) async throws -> Int64 {
        try await store.database.rows(
            "SELECT sequence FROM \(unsafeRaw: AuditEventsTable.name) ORDER BY sequence DESC LIMIT 1" as SQLQueryString
        ) { Int64(try $0.int("sequence")) }.first ?? 0
    }

    /// How many events the trail holds.
    public static func count(on store: Store) async throws -> Int64 {
        let database = store.database
        return try await database.sql.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: AuditEventsTable.name)")
            .first()?.decode(column: "n", as: Int64.self) ?? 0
    }

    static func decodeEvent(_ row: any SQLRow) throws -> AuditEvent {
        AuditEvent(
            sequence: try row.decode(column: "sequence", as: Int64.self),
            occurredAt: try row.decode(column: "occurred_at", as: String.self),
            actor: try row.decode(column: "actor", as: String.self),
            action: try row.decode(column: "action", as: String.self),
            subject: try row.decode(column: "subject", as: String.self),
            payload: try row.decode(column: "payload", as: String.self),
            previousHash: try row.decode(column: "previous_hash", as: String.self),
            hash: try row.decode(column: "hash", as: String.self))
    }
}
