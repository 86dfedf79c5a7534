/// What the verification environment keeps of one DICOM object besides its file: enough to list it by study and
/// series, count it in the protocol and decide which test cases it meets, without reading the file again.
public struct DICOMObjectSummary: Sendable, Hashable, Codable {
    /// (0008,0016), (0008,0018), (0020,000D), (0020,000E); empty when the object had none.
    public var sopClassUID: String
    public var sopInstanceUID: String
    public var studyInstanceUID: String
    public var seriesInstanceUID: String
    /// The transfer syntax the object arrived in.
    public var transferSyntaxUID: String
    /// (0008,0060).
    public var modality: String?
    /// (0010,0020) and (0010,0010) as written.
    public var patientID: String?
    public var patientName: String?
    /// The kind of identifier (0010,0020) is valid as: the one its issuer names, else the one it parses as.
    public var patientIdentifierKind: IdentifierKind?
    /// The OID of (0010,0024)'s first item with one, else (0010,0021).
    public var issuer: String?
    /// Whether the issuer is the OID of the identifier's kind (`1.2.752.129.2.1.3.1` for a personnummer).
    public var issuerNamesIdentifier: Bool
    /// (0008,0050), (0008,0080), (0008,0020).
    public var accessionNumber: String?
    public var institutionName: String?
    public var studyDate: String?
    /// (0008,0005) as written, values joined by a backslash; nil for the default repertoire.
    public var characterSet: String?
    /// The Part 10 file's size in bytes.
    public var size: Int

    public init(
        sopClassUID: String, sopInstanceUID: String, studyInstanceUID: String, seriesInstanceUID: String,
        transferSyntaxUID: String, modality: String?, patientID: String?, patientName: String?,
        patientIdentifierKind: IdentifierKind?, issuer: String?, issuerNamesIdentifier: Bool, accessionNumber: String?,
        institutionName: String?, studyDate: String?, characterSet: String?, size: Int
    ) {
        self.sopClassUID = sopClassUID
        self.sopInstanceUID = sopInstanceUID
        self.studyInstanceUID = studyInstanceUID
        self.seriesInstanceUID = seriesInstanceUID
        self.transferSyntaxUID = transferSyntaxUID
        self.modality = modality
        self.patientID = patientID
        self.patientName = patientName
        self.patientIdentifierKind = patientIdentifierKind
        self.issuer = issuer
        self.issuerNamesIdentifier = issuerNamesIdentifier
        self.accessionNumber = accessionNumber
        self.institutionName = institutionName
        self.studyDate = studyDate
        self.characterSet = characterSet
        self.size = size
    }
}
