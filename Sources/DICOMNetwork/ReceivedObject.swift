import Foundation

/// An object received by C-STORE, written to a Part 10 file for the application's ``DICOMAssociationHandler``.
///
/// The file at ``fileURL`` is complete: a 128-byte preamble of zeros, `DICM`, file meta information built
/// by the listener (``Part10Header``), then the data set exactly as it arrived (deflated data sets stay
/// deflated). It is the handler's during ``DICOMAssociationHandler/store(_:)``; whatever is still at this
/// path when the call returns is deleted, so a handler keeps the object by moving it.
public struct ReceivedObject: Sendable {
    /// The association the object came over.
    public let association: AssociationInfo
    /// The presentation context of the C-STORE: its abstract syntax (the SOP class) and transfer syntax.
    public let presentationContext: AcceptedPresentationContext
    /// (0000,0110) Message ID of the C-STORE-RQ.
    public let messageID: UInt16
    /// (0000,0002) Affected SOP Class UID of the command.
    public let sopClassUID: String
    /// (0000,1000) Affected SOP Instance UID of the command.
    public let sopInstanceUID: String
    /// (0000,1030) Move Originator Application Entity Title, when a C-MOVE caused this store.
    public let moveOriginatorAETitle: String?
    /// The temporary Part 10 file, in ``DICOMConfiguration/temporaryDirectory``.
    public let fileURL: URL
    /// The size of the file in bytes.
    public let fileSize: Int
    /// Where the data set starts in the file: the length of the preamble, prefix and file meta information.
    public let dataSetOffset: Int
    /// The file's SHA-256 (lowercase hex), computed as the listener wrote it; nil when not known.
    public let sha256: String?

    public init(
        association: AssociationInfo,
        presentationContext: AcceptedPresentationContext,
        messageID: UInt16,
        sopClassUID: String,
        sopInstanceUID: String,
        moveOriginatorAETitle: String?,
        fileURL: URL,
        fileSize: Int,
        dataSetOffset: Int,
        sha256: String? = nil
    ) {
        self.association = association
        self.presentationContext = presentationContext
        self.messageID = messageID
        self.sopClassUID = sopClassUID
        self.sopInstanceUID = sopInstanceUID
        self.moveOriginatorAETitle = moveOriginatorAETitle
        self.fileURL = fileURL
        self.fileSize = fileSize
        self.dataSetOffset = dataSetOffset
        self.sha256 = sha256
    }

    /// The data set's length in bytes, as received.
    public var dataSetSize: Int { self.fileSize - self.dataSetOffset }
}
