/// A presentation context the listener accepted: what the PDVs with its ID carry and how they are encoded.
public struct AcceptedPresentationContext: Sendable, Hashable {
    /// The odd context ID, 1-255, that PDVs name.
    public let id: UInt8
    /// The abstract syntax: the SOP class UID.
    public let abstractSyntax: String
    /// The one transfer syntax UID accepted for it.
    public let transferSyntax: String

    public init(id: UInt8, abstractSyntax: String, transferSyntax: String) {
        self.id = id
        self.abstractSyntax = abstractSyntax
        self.transferSyntax = transferSyntax
    }
}
