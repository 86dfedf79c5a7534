/// The tags the reader itself and the connection checks refer to by name. The data dictionary
/// (``DataDictionary``) holds their names, VRs and multiplicities.
extension DICOMTag {
    // File meta information (group 0002), always Explicit VR Little Endian.
    /// (0002,0000) File Meta Information Group Length.
    public static let fileMetaInformationGroupLength = DICOMTag(0x0002, 0x0000)
    /// (0002,0001) File Meta Information Version.
    public static let fileMetaInformationVersion = DICOMTag(0x0002, 0x0001)
    /// (0002,0002) Media Storage SOP Class UID.
    public static let mediaStorageSOPClassUID = DICOMTag(0x0002, 0x0002)
    /// (0002,0003) Media Storage SOP Instance UID.
    public static let mediaStorageSOPInstanceUID = DICOMTag(0x0002, 0x0003)
    /// (0002,0010) Transfer Syntax UID.
    public static let transferSyntaxUID = DICOMTag(0x0002, 0x0010)
    /// (0002,0012) Implementation Class UID.
    public static let implementationClassUID = DICOMTag(0x0002, 0x0012)
    /// (0002,0013) Implementation Version Name.
    public static let implementationVersionName = DICOMTag(0x0002, 0x0013)
    /// (0002,0016) Source Application Entity Title.
    public static let sourceApplicationEntityTitle = DICOMTag(0x0002, 0x0016)

    // Identification.
    /// (0008,0005) Specific Character Set.
    public static let specificCharacterSet = DICOMTag(0x0008, 0x0005)
    /// (0008,0008) Image Type.
    public static let imageType = DICOMTag(0x0008, 0x0008)
    /// (0008,0016) SOP Class UID.
    public static let sopClassUID = DICOMTag(0x0008, 0x0016)
    /// (0008,0018) SOP Instance UID.
    public static let sopInstanceUID = DICOMTag(0x0008, 0x0018)
    /// (0008,0020) Study Date.
    public static let studyDate = DICOMTag(0x0008, 0x0020)
    /// (0008,0021) Series Date.
    public static let seriesDate = DICOMTag(0x0008, 0x0021)
    /// (0008,0030) Study Time.
    public static let studyTime = DICOMTag(0x0008, 0x0030)
    /// (0008,0050) Accession Number.
    public static let accessionNumber = DICOMTag(0x0008, 0x0050)
    /// (0008,0051) Issuer of Accession Number Sequence.
    public static let issuerOfAccessionNumberSequence = DICOMTag(0x0008, 0x0051)
    /// (0008,0060) Modality.
    public static let modality = DICOMTag(0x0008, 0x0060)
    /// (0008,0070) Manufacturer.
    public static let manufacturer = DICOMTag(0x0008, 0x0070)
    /// (0008,0080) Institution Name.
    public static let institutionName = DICOMTag(0x0008, 0x0080)
    /// (0008,0090) Referring Physician's Name.
    public static let referringPhysicianName = DICOMTag(0x0008, 0x0090)
    /// (0008,1010) Station Name.
    public static let stationName = DICOMTag(0x0008, 0x1010)
    /// (0008,1030) Study Description.
    public static let studyDescription = DICOMTag(0x0008, 0x1030)
    /// (0008,103E) Series Description.
    public static let seriesDescription = DICOMTag(0x0008, 0x103E)
    /// (0008,1090) Manufacturer's Model Name.
    public static let manufacturerModelName = DICOMTag(0x0008, 0x1090)
    /// (0008,0100) Code Value.
    public static let codeValue = DICOMTag(0x0008, 0x0100)
    /// (0040,A730) Content Sequence.
    public static let contentSequence = DICOMTag(0x0040, 0xA730)

    // Patient.
    /// (0010,0010) Patient's Name.
    public static let patientName = DICOMTag(0x0010, 0x0010)
    /// (0010,0020) Patient ID.
    public static let patientID = DICOMTag(0x0010, 0x0020)
    /// (0010,0021) Issuer of Patient ID.
    public static let issuerOfPatientID = DICOMTag(0x0010, 0x0021)
    /// (0010,0022) Type of Patient ID.
    public static let typeOfPatientID = DICOMTag(0x0010, 0x0022)
    /// (0010,0024) Issuer of Patient ID Qualifiers Sequence.
    public static let issuerOfPatientIDQualifiersSequence = DICOMTag(0x0010, 0x0024)
    /// (0010,0030) Patient's Birth Date.
    public static let patientBirthDate = DICOMTag(0x0010, 0x0030)
    /// (0010,0040) Patient's Sex.
    public static let patientSex = DICOMTag(0x0010, 0x0040)
    /// (0010,1002) Other Patient IDs Sequence.
    public static let otherPatientIDsSequence = DICOMTag(0x0010, 0x1002)

    // Study, series, instance.
    /// (0020,000D) Study Instance UID.
    public static let studyInstanceUID = DICOMTag(0x0020, 0x000D)
    /// (0020,000E) Series Instance UID.
    public static let seriesInstanceUID = DICOMTag(0x0020, 0x000E)
    /// (0020,0010) Study ID.
    public static let studyID = DICOMTag(0x0020, 0x0010)
    /// (0020,0011) Series Number.
    public static let seriesNumber = DICOMTag(0x0020, 0x0011)
    /// (0020,0013) Instance Number.
    public static let instanceNumber = DICOMTag(0x0020, 0x0013)

    // Image pixel module.
    /// (0028,0002) Samples per Pixel.
    public static let samplesPerPixel = DICOMTag(0x0028, 0x0002)
    /// (0028,0004) Photometric Interpretation.
    public static let photometricInterpretation = DICOMTag(0x0028, 0x0004)
    /// (0028,0008) Number of Frames.
    public static let numberOfFrames = DICOMTag(0x0028, 0x0008)
    /// (0028,0010) Rows.
    public static let rows = DICOMTag(0x0028, 0x0010)
    /// (0028,0011) Columns.
    public static let columns = DICOMTag(0x0028, 0x0011)
    /// (0028,0100) Bits Allocated.
    public static let bitsAllocated = DICOMTag(0x0028, 0x0100)
    /// (0028,0101) Bits Stored.
    public static let bitsStored = DICOMTag(0x0028, 0x0101)
    /// (0028,0103) Pixel Representation.
    public static let pixelRepresentation = DICOMTag(0x0028, 0x0103)

    // Issuer of Patient ID qualifiers (items of (0010,0024)).
    /// (0040,0032) Universal Entity ID.
    public static let universalEntityID = DICOMTag(0x0040, 0x0032)
    /// (0040,0033) Universal Entity ID Type.
    public static let universalEntityIDType = DICOMTag(0x0040, 0x0033)
    /// (0040,0035) Identifier Type Code.
    public static let identifierTypeCode = DICOMTag(0x0040, 0x0035)
    /// (0040,003A) Assigning Agency or Department Code Sequence.
    public static let assigningAgencyOrDepartmentCodeSequence = DICOMTag(0x0040, 0x003A)

    // Pixel data: the three tags whose values the reader skips instead of loading.
    /// (7FE0,0008) Float Pixel Data.
    public static let floatPixelData = DICOMTag(0x7FE0, 0x0008)
    /// (7FE0,0009) Double Float Pixel Data.
    public static let doubleFloatPixelData = DICOMTag(0x7FE0, 0x0009)
    /// (7FE0,0010) Pixel Data.
    public static let pixelData = DICOMTag(0x7FE0, 0x0010)

    // Delimitation (group FFFE): no VR, 4-byte length, in every transfer syntax.
    /// (FFFE,E000) Item.
    public static let item = DICOMTag(0xFFFE, 0xE000)
    /// (FFFE,E00D) Item Delimitation Item.
    public static let itemDelimitationItem = DICOMTag(0xFFFE, 0xE00D)
    /// (FFFE,E0DD) Sequence Delimitation Item.
    public static let sequenceDelimitationItem = DICOMTag(0xFFFE, 0xE0DD)

    /// Float, double and ordinary pixel data; a header read stops at the first of them.
    var isPixelData: Bool { self == .pixelData || self == .floatPixelData || self == .doubleFloatPixelData }
}
