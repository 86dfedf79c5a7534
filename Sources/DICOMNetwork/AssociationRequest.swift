import DICOM

/// What the listener asks the application to admit: an A-ASSOCIATE-RQ that passed the listener's own checks
/// (called AE title, protocol version, application context, association limit).
public struct AssociationRequest: Sendable, Hashable {
    /// The calling and called AE titles and the peer's address.
    public let association: AssociationInfo
    /// The presentation contexts as proposed, in the order proposed; the listener answers each from
    /// ``DICOMConfiguration/acceptedAbstractSyntaxes`` and ``DICOMConfiguration/acceptedTransferSyntaxes``.
    public let proposedContexts: [ProposedPresentationContext]
    /// The sender's implementation class UID (user information sub-item 0x52), for logs.
    public let implementationClassUID: String?
    /// The sender's implementation version name (sub-item 0x55), for logs.
    public let implementationVersionName: String?

    public init(
        association: AssociationInfo,
        proposedContexts: [ProposedPresentationContext],
        implementationClassUID: String?,
        implementationVersionName: String?
    ) {
        self.association = association
        self.proposedContexts = proposedContexts
        self.implementationClassUID = implementationClassUID
        self.implementationVersionName = implementationVersionName
    }

    /// The calling AE title, the one that identifies the sender's account.
    public var callingAETitle: String { self.association.callingAETitle }
    /// The called AE title.
    public var calledAETitle: String { self.association.calledAETitle }
    /// Where the request came from.
    public var peer: DICOMPeer { self.association.peer }
}
