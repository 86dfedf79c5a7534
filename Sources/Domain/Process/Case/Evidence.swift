/// One piece of evidence given with a tick.
///
/// The engine checks only that each kind the item asks for is present with a non-blank reference;
/// whoever stores the tick checks that referenced attachments and test protocols exist and belong to the case.
public struct Evidence: Sendable, Hashable, Codable {
    /// What kind of evidence this is.
    public var kind: EvidenceKind
    /// For a comment, its text; for an attachment or a test protocol, the id of the stored document.
    public var reference: String

    /// Evidence of a kind with its reference.
    public init(_ kind: EvidenceKind, _ reference: String) {
        self.kind = kind
        self.reference = reference
    }
}
