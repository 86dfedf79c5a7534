/// What a state change says about itself before it joins the audit chain.
///
/// `actor` is who did it (``AuditActor``), `action` what it was (``AuditAction``), `subject` what it was done
/// to (`case:BFR-2026-0001`), and `payload` the details that matter for review. The chain keeps the actor
/// and the action as their stable text forms.
public struct AuditEventDraft: Sendable, Hashable {
    public let actor: String
    public let action: String
    public let subject: String
    public let payload: CanonicalJSON

    public init(actor: AuditActor, action: AuditAction, subject: String, payload: CanonicalJSON = [:]) {
        self.init(actorText: actor.text, actionText: action.text, subject: subject, payload: payload)
    }

    /// An event with actor and action given as their stored text: for tests and tools that build chains.
    public init(actorText: String, actionText: String, subject: String, payload: CanonicalJSON = [:]) {
        self.actor = actorText
        self.action = actionText
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

extension AuditEvent {
    /// The actor, read from its stored text; nil for text no version of Anslut writes.
    public var auditActor: AuditActor? { AuditActor(text: actor) }

    /// The action, read from its stored text; nil for an action this version does not know.
    public var auditAction: AuditAction? { AuditAction(text: action) }
}
