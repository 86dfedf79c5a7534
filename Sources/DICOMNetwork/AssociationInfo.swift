/// An accepted association, as every later call about it names it.
public struct AssociationInfo: Sendable, Hashable, CustomStringConvertible {
    /// The AE title of the sender (A-ASSOCIATE-RQ's calling AE title, padding removed). It identifies the
    /// sending system's account; the listener itself only passes it on.
    public let callingAETitle: String
    /// The AE title the sender called: always ``DICOMConfiguration/calledAETitle``, since others are rejected.
    public let calledAETitle: String
    /// Where the association came from.
    public let peer: DICOMPeer

    public init(callingAETitle: String, calledAETitle: String, peer: DICOMPeer) {
        self.callingAETitle = callingAETitle
        self.calledAETitle = calledAETitle
        self.peer = peer
    }

    /// `SAHLGRENSKA_CT -> ANSLUT from #3 10.1.2.3:51234`.
    public var description: String {
        "\(self.callingAETitle) -> \(self.calledAETitle) from \(self.peer)"
    }
}
