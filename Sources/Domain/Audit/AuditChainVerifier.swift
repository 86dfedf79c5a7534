import Crypto
import Foundation

/// Walks a chain in sequence order and finds the first event that does not belong where it stands.
///
/// Feed it every stored event, ordered by `sequence`; it keeps only the previous hash, so a chain of any
/// length is checked in constant memory.
public struct AuditChainVerifier: Sendable {
    /// What is wrong with the first bad event.
    public enum Break: Sendable, Hashable, CustomStringConvertible {
        /// The sequence numbers jump or repeat: rows were deleted, inserted or renumbered.
        case sequenceGap(expected: Int64, found: Int64)
        /// The event does not point at the hash of the event before it: rows were removed or moved.
        case previousHashMismatch(sequence: Int64)
        /// The event's content no longer matches its own hash: the row was edited.
        case contentMismatch(sequence: Int64)

        /// The sequence number to name in a report.
        public var sequence: Int64 {
            switch self {
            case .sequenceGap(_, let found): found
            case .previousHashMismatch(let sequence), .contentMismatch(let sequence): sequence
            }
        }

        public var description: String {
            switch self {
            case .sequenceGap(let expected, let found):
                "event \(found): expected sequence \(expected) (a row was deleted, inserted or renumbered)"
            case .previousHashMismatch(let sequence):
                "event \(sequence): previous_hash does not match the hash of event \(sequence - 1)"
                    + " (a row was removed, inserted or moved)"
            case .contentMismatch(let sequence):
                "event \(sequence): its content does not match its hash (the row was edited)"
            }
        }
    }

    public private(set) var checked: Int64 = 0
    /// The hash of the last intact event; the genesis hash before the first.
    public var headHash: String { String(decoding: head, as: UTF8.self) }

    // Kept as ASCII bytes so that checking an event compares bytes and allocates nothing.
    private var head = Array(AuditChain.genesisHash.utf8)
    private var computed = [UInt8](repeating: 0, count: 64)
    private var buffer: [UInt8] = []

    public init() {}

    /// Checks the next event; returns the break when it is bad. Stop at the first break: what follows it is
    /// not judged.
    public mutating func check(
        sequence: Int64, occurredAt: String, actor: String, action: String, subject: String, payload: String,
        previousHash: String, hash: String
    ) -> Break? {
        AuditChain.withUTF8([occurredAt, actor, action, subject, payload, previousHash, hash]) {
            check(
                sequence: sequence, occurredAt: $0[0], actor: $0[1], action: $0[2], subject: $0[3], payload: $0[4],
                previousHash: $0[5], hash: $0[6])
        }
    }

    /// Checks a stored event value.
    public mutating func check(_ event: AuditEvent) -> Break? {
        check(
            sequence: event.sequence, occurredAt: event.occurredAt, actor: event.actor, action: event.action,
            subject: event.subject, payload: event.payload, previousHash: event.previousHash, hash: event.hash)
    }

    /// Checks the next event given as the bytes of its stored fields, so that a database's rows need not
    /// become strings first.
    public mutating func check(
        sequence: Int64, occurredAt: UnsafeRawBufferPointer, actor: UnsafeRawBufferPointer,
        action: UnsafeRawBufferPointer, subject: UnsafeRawBufferPointer, payload: UnsafeRawBufferPointer,
        previousHash: UnsafeRawBufferPointer, hash: UnsafeRawBufferPointer
    ) -> Break? {
        let expected = checked + 1
        guard sequence == expected else { return .sequenceGap(expected: expected, found: sequence) }
        guard Self.equal(previousHash, head) else { return .previousHashMismatch(sequence: sequence) }
        let length = AuditChain.encode(
            sequence: sequence, occurredAt: occurredAt, actor: actor, action: action, subject: subject,
            payload: payload, previousHash: previousHash, into: &buffer)
        var hasher = SHA256()
        buffer.withUnsafeBytes { hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: $0[..<length])) }
        hasher.finalize().withUnsafeBytes { HexDigits.write($0, over: &computed) }
        guard Self.equal(hash, computed) else { return .contentMismatch(sequence: sequence) }
        swap(&head, &computed)
        checked = sequence
        return nil
    }

    // `expected` is never empty, so neither base address is nil once the counts agree.
    private static func equal(_ stored: UnsafeRawBufferPointer, _ expected: [UInt8]) -> Bool {
        guard stored.count == expected.count else { return false }
        return expected.withUnsafeBytes { memcmp(stored.baseAddress!, $0.baseAddress!, $0.count) == 0 }
    }
}
