/// A DICOM Part 10 object: its file meta information, its data set and the transfer syntax the data set was
/// read in.
public struct DICOMFile: Sendable {
    /// Group 0002, always read as Explicit VR Little Endian.
    public let fileMeta: DataSet
    /// Everything after the file meta information; pixel data is present only as a ``PixelDataInfo``.
    public let dataSet: DataSet
    /// From Transfer Syntax UID (0002,0010); an unknown UID is kept, with the data set read as Explicit VR
    /// Little Endian like every encapsulated syntax.
    public let transferSyntax: TransferSyntax

    /// (0002,0002) Media Storage SOP Class UID; should equal the data set's (0008,0016).
    public var mediaStorageSOPClassUID: String? { fileMeta.string(.mediaStorageSOPClassUID) }
    /// (0002,0003) Media Storage SOP Instance UID; should equal the data set's (0008,0018).
    public var mediaStorageSOPInstanceUID: String? { fileMeta.string(.mediaStorageSOPInstanceUID) }
    /// (0002,0010) Transfer Syntax UID.
    public var transferSyntaxUID: String { transferSyntax.uid }
    /// (0002,0012) Implementation Class UID of the application that wrote the file.
    public var implementationClassUID: String? { fileMeta.string(.implementationClassUID) }
    /// (0002,0013) Implementation Version Name of the application that wrote the file.
    public var implementationVersionName: String? { fileMeta.string(.implementationVersionName) }
}
