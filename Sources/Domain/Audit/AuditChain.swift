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
/// the newest rows were cut off; a signed `AuditCheckpoint` of an earlier head does.
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
        let digest = withUTF8([occurredAt, draft.actor, draft.action, draft.subject, payload, previousHash]) {
            var buffer: [UInt8] = []
            let length = encode(
                sequence: sequence, occurredAt: $0[0], actor: $0[1], action: $0[2], subject: $0[3], payload: $0[4],
                previousHash: $0[5], into: &buffer)
            return buffer.withUnsafeBytes { SHA256.hash(data: $0[..<length]) }
        }
        return AuditEvent(
            sequence: sequence, occurredAt: occurredAt, actor: draft.actor, action: draft.action,
            subject: draft.subject, payload: payload, previousHash: previousHash, hash: HexDigits.encode(digest))
    }
}
