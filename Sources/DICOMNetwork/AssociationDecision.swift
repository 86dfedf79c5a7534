/// The application's answer to an ``AssociationRequest``.
public enum AssociationDecision: Sendable, Hashable {
    /// Answer A-ASSOCIATE-AC; the presentation contexts are negotiated from the configuration.
    case accept
    /// Answer A-ASSOCIATE-RJ with these codes, then close.
    case reject(AssociationRejection)
}
