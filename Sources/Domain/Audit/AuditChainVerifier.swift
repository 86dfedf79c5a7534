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
    public private(set) var headHash: String = AuditChain.genesisHash
    private var buffer: [UInt8] = []

    public init() {
        buffer.reserveCapacity(1024)
    }

    /// Checks the next event; returns the break when it is bad. Stop at the first break: what follows it is
    /// not judged.
    public mutating func check(
        sequence: Int64, occurredAt: String, actor: String, action: String, subject: String, payload: String,
        previousHash: String, hash: String
    ) -> Break? {
        let expected = checked + 1
        guard sequence == expected else { return .sequenceGap(expected: expected, found: sequence) }
        guard previousHash == headHash else { return .previousHashMismatch(sequence: sequence) }
        let computed = AuditChain.digest(
            sequence: sequence, occurredAt: occurredAt, actor: actor, action: action, subject: subject,
            payload: payload, previousHash: previousHash, buffer: &buffer)
        guard computed == hash else { return .contentMismatch(sequence: sequence) }
        checked = sequence
        headHash = hash
        return nil
    }

    /// Checks a stored event value.
    public mutating func check(_ event: AuditEvent) -> Break? {
        check(
            sequence: event.sequence, occurredAt: event.occurredAt, actor: event.actor, action: event.action,
            subject: event.subject, payload: event.payload, previousHash: event.previousHash, hash: event.hash)
    }
}
