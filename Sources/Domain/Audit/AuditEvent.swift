/// What a state change says about itself before it joins the audit chain.
///
/// `actor` is who did it (a user id, `system`, or `cli:<user>`), `action` a dotted verb such as `case.submit`,
/// `subject` what it was done to (`case:BFR-2026-0001`), and `payload` the details that matter for review.
public struct AuditEventDraft: Sendable, Hashable {
    public let actor: String
    public let action: String
    public let subject: String
    public let payload: CanonicalJSON

    public init(actor: String, action: String, subject: String, payload: CanonicalJSON = [:]) {
        self.actor = actor
        self.action = action
        self.subject = subject
        self.payload = payload
    }
}

/// One sealed entry of the append-only audit trail, exactly as stored.
///
/// Every field is kept as the text that was hashed, so verifying never depends on how a database or a
/// library formats dates or JSON.
public struct AuditEvent: Sendable, Hashable, Codable {
    /// Position in the chain: 1 for the first event, then consecutive.
    public let sequence: Int64
    /// UTC time as `AuditTimestamp` writes it (`2026-11-23T03:25:40.123Z`).
    public let occurredAt: String
    public let actor: String
    public let action: String
    public let subject: String
    /// The payload's `CanonicalJSON` text.
    public let payload: String
    /// The previous event's `hash`; 64 zeros for the first event.
    public let previousHash: String
    /// Lower-case hex SHA-256 over the canonical encoding (see `AuditChain`).
    public let hash: String

    public init(
        sequence: Int64, occurredAt: String, actor: String, action: String, subject: String, payload: String,
        previousHash: String, hash: String
    ) {
        self.sequence = sequence
        self.occurredAt = occurredAt
        self.actor = actor
        self.action = action
        self.subject = subject
        self.payload = payload
        self.previousHash = previousHash
        self.hash = hash
    }
}
