import Crypto
import Foundation

/// The hash chain that makes the audit trail tamper-evident.
///
/// ## Canonical encoding (version 1)
/// An event's `hash` is the lower-case hex SHA-256 of these bytes:
///
///     "anslut-audit-v1" followed by seven netstrings, in this order:
///     sequence, occurredAt, actor, action, subject, payload, previousHash
///
/// A netstring is `<length>:<bytes>,` where `<length>` is the decimal count of the UTF-8 bytes, so no field
/// can run into the next whatever characters it holds. `sequence` is written in decimal without leading
/// zeros, `occurredAt` as `AuditTimestamp` writes it, `payload` as the `CanonicalJSON` text, and
/// `previousHash` as 64 lower-case hex digits (64 zeros for sequence 1).
///
/// Example: sequence 1, `2026-11-23T10:00:00.000Z`, actor `system`, action `demo`, subject `x`, payload `{}`:
///
///     anslut-audit-v11:1,24:2026-11-23T10:00:00.000Z,6:system,4:demo,1:x,2:{},64:000…000,
///
/// The chain detects a row that was edited, deleted, inserted or moved. It cannot by itself detect that
/// the newest rows were cut off; compare the head hash that `anslut audit verify` prints with one kept
/// elsewhere for that.
public enum AuditChain {
    /// The `previousHash` of the first event.
    public static let genesisHash = String(repeating: "0", count: 64)

    static let domainTag = Array("anslut-audit-v1".utf8)

    /// Seals `draft` as the event after `previousHash` at position `sequence`.
    public static func seal(_ draft: AuditEventDraft, sequence: Int64, at date: Date, previousHash: String)
        -> AuditEvent
    {
        let occurredAt = AuditTimestamp.format(date)
        let payload = draft.payload.encoded
        var buffer: [UInt8] = []
        let hash = digest(
            sequence: sequence, occurredAt: occurredAt, actor: draft.actor, action: draft.action,
            subject: draft.subject, payload: payload, previousHash: previousHash, buffer: &buffer)
        return AuditEvent(
            sequence: sequence, occurredAt: occurredAt, actor: draft.actor, action: draft.action,
            subject: draft.subject, payload: payload, previousHash: previousHash, hash: hash)
    }

    /// The hash an event with these fields must carry. `buffer` is scratch space reused between calls so
    /// that verifying a long chain does not allocate per event.
    public static func digest(
        sequence: Int64, occurredAt: String, actor: String, action: String, subject: String, payload: String,
        previousHash: String, buffer: inout [UInt8]
    ) -> String {
        buffer.removeAll(keepingCapacity: true)
        buffer.append(contentsOf: domainTag)
        appendNetstring(String(sequence).utf8, to: &buffer)
        appendNetstring(occurredAt.utf8, to: &buffer)
        appendNetstring(actor.utf8, to: &buffer)
        appendNetstring(action.utf8, to: &buffer)
        appendNetstring(subject.utf8, to: &buffer)
        appendNetstring(payload.utf8, to: &buffer)
        appendNetstring(previousHash.utf8, to: &buffer)
        return HexDigits.encode(SHA256.hash(data: buffer))
    }

    private static func appendNetstring(_ field: String.UTF8View, to buffer: inout [UInt8]) {
        buffer.append(contentsOf: String(field.count).utf8)
        buffer.append(UInt8(ascii: ":"))
        buffer.append(contentsOf: field)
        buffer.append(UInt8(ascii: ","))
    }
}
