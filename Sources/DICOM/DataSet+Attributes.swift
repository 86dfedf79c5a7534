/// The attributes the connection checks read (reference.md 9.2), by name. Each is ``DataSet/string(_:)`` of
/// its tag: decoded, trimmed, `nil` when absent.
extension DataSet {
    /// (0008,0005) Specific Character Set, as written.
    public var specificCharacterSet: [String] { strings(.specificCharacterSet) }
    /// (0010,0010) Patient's Name, `Family^Given^Middle^Prefix^Suffix`.
    public var patientName: String? { string(.patientName) }
    /// (0010,0020) Patient ID.
    public var patientID: String? { string(.patientID) }
    /// (0010,0021) Issuer of Patient ID: a local namespace or an OID.
    public var issuerOfPatientID: String? { string(.issuerOfPatientID) }
    /// The items of (0010,0024) Issuer of Patient ID Qualifiers Sequence.
    public var issuerOfPatientIDQualifiers: [IssuerOfPatientIDQualifiers] {
        items(.issuerOfPatientIDQualifiersSequence).map {
            IssuerOfPatientIDQualifiers(
                universalEntityID: $0.string(.universalEntityID),
                universalEntityIDType: $0.string(.universalEntityIDType),
                identifierTypeCode: $0.string(.identifierTypeCode))
        }
    }
    /// (0020,000D) Study Instance UID.
    public var studyInstanceUID: String? { string(.studyInstanceUID) }
    /// (0020,000E) Series Instance UID.
    public var seriesInstanceUID: String? { string(.seriesInstanceUID) }
    /// (0008,0018) SOP Instance UID.
    public var sopInstanceUID: String? { string(.sopInstanceUID) }
    /// (0008,0016) SOP Class UID.
    public var sopClassUID: String? { string(.sopClassUID) }
    /// (0008,0050) Accession Number.
    public var accessionNumber: String? { string(.accessionNumber) }
    /// (0008,0080) Institution Name.
    public var institutionName: String? { string(.institutionName) }
    /// (0008,0060) Modality.
    public var modality: String? { string(.modality) }
    /// (0008,0020) Study Date, `YYYYMMDD` as written.
    public var studyDate: String? { string(.studyDate) }
}

/// One item of Issuer of Patient ID Qualifiers Sequence (0010,0024). (0040,0032) is not mandatory inside the
/// item (reference.md 9.2), so every field may be `nil`.
public struct IssuerOfPatientIDQualifiers: Sendable, Hashable {
    /// (0040,0032) Universal Entity ID, e.g. an OID.
    public let universalEntityID: String?
    /// (0040,0033) Universal Entity ID Type, e.g. `ISO`.
    public let universalEntityIDType: String?
    /// (0040,0035) Identifier Type Code.
    public let identifierTypeCode: String?

    /// An item with these values.
    public init(universalEntityID: String?, universalEntityIDType: String?, identifierTypeCode: String?) {
        self.universalEntityID = universalEntityID
        self.universalEntityIDType = universalEntityIDType
        self.identifierTypeCode = identifierTypeCode
    }
}
