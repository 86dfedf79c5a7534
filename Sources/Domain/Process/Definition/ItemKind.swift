/// What kind of work a checklist item asks for.
///
/// Only ``decision`` changes how the engine treats an item: a decision is never ticked, it is decided
/// by a holder of its phase's ``GateRule/decisionRole``. The other kinds guide the pages (a document
/// item invites an upload, a form item links to a form) and behave alike in the engine.
public enum ItemKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Something to confirm or take a position on.
    case check
    /// A document to deliver, usually with an attachment as evidence.
    case document
    /// A form to fill in and send.
    case form
    /// A decision at the phase gate: approve, return for completion, or reject.
    case decision
}
