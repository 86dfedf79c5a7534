/// One entry of the data dictionary (PS3.6): what a tag is called and what its value looks like.
public struct DictionaryEntry: Sendable, Hashable {
    /// The tag.
    public let tag: DICOMTag
    /// The keyword, `PatientID`.
    public let keyword: String
    /// The name as PS3.6 prints it, `Patient ID`.
    public let name: String
    /// The value representation. For the few tags PS3.6 lists with a choice (`US or SS`, `OB or OW`) this is
    /// the one Implicit VR Little Endian readers conventionally assume.
    public let vr: VR
    /// The value multiplicity as PS3.6 writes it: `1`, `1-n`, `2-n`, `3`.
    public let vm: String
}

/// The tags the reader, the connection checks and the pages use, with their names, VRs and multiplicities.
///
/// Not the whole of PS3.6: Implicit VR Little Endian data carries no VRs, and for tags missing here the
/// reader keeps the value as `UN` bytes (or reads it as a sequence when its length is undefined), which is
/// enough for a header check. Add a tag here when a check starts reading it.
public enum DataDictionary {
    /// The entry for `tag`, or `nil` when the tag is not in this dictionary. Group lengths `(gggg,0000)` are
    /// answered for every group.
    public static func entry(for tag: DICOMTag) -> DictionaryEntry? {
        if let entry = entries[tag] { return entry }
        if tag.element == 0x0000 {
            return DictionaryEntry(tag: tag, keyword: "GroupLength", name: "Group Length", vr: .UL, vm: "1")
        }
        return nil
    }

    /// The VR to assume for `tag` in Implicit VR data: the dictionary's, `UL` for group lengths, `LO` for
    /// private creator elements `(gggg,0010-00FF)` in odd groups (PS3.5 7.8.1), otherwise `UN`.
    static func implicitVR(for tag: DICOMTag) -> VR {
        // Binary search over sorted raw tags: the reader asks once per implicit VR element, and hashing a
        // tag into `entries` costs more than the rest of reading the element.
        var low = 0
        var high = implicitTags.count
        while low < high {
            let middle = (low + high) / 2
            let found = implicitTags[middle]
            if found == tag.rawValue { return implicitVRs[middle] }
            if found < tag.rawValue { low = middle + 1 } else { high = middle }
        }
        if tag.element == 0x0000 { return .UL }
        if tag.isPrivate, (0x0010...0x00FF).contains(tag.element) { return .LO }
        return .UN
    }

    /// The entry whose keyword is `keyword`, e.g. `"PatientID"`.
    public static func entry(keyword: String) -> DictionaryEntry? {
        byKeyword[keyword]
    }

    private static let entries: [DICOMTag: DictionaryEntry] = Dictionary(
        uniqueKeysWithValues: table.map { ($0.tag, $0) })
    private static let implicitTags: [UInt32] = table.map(\.tag.rawValue).sorted()
    private static let implicitVRs: [VR] = implicitTags.map { entries[DICOMTag(rawValue: $0)]!.vr }
    private static let byKeyword: [String: DictionaryEntry] = Dictionary(
        uniqueKeysWithValues: table.map { ($0.keyword, $0) })

    private static let table: [DictionaryEntry] = [
        e(0x0002, 0x0000, "FileMetaInformationGroupLength", "File Meta Information Group Length", .UL, "1"),
        e(0x0002, 0x0001, "FileMetaInformationVersion", "File Meta Information Version", .OB, "1"),
        e(0x0002, 0x0002, "MediaStorageSOPClassUID", "Media Storage SOP Class UID", .UI, "1"),
        e(0x0002, 0x0003, "MediaStorageSOPInstanceUID", "Media Storage SOP Instance UID", .UI, "1"),
        e(0x0002, 0x0010, "TransferSyntaxUID", "Transfer Syntax UID", .UI, "1"),
        e(0x0002, 0x0012, "ImplementationClassUID", "Implementation Class UID", .UI, "1"),
        e(0x0002, 0x0013, "ImplementationVersionName", "Implementation Version Name", .SH, "1"),
        e(0x0002, 0x0016, "SourceApplicationEntityTitle", "Source Application Entity Title", .AE, "1"),
        e(0x0008, 0x0005, "SpecificCharacterSet", "Specific Character Set", .CS, "1-n"),
        e(0x0008, 0x0008, "ImageType", "Image Type", .CS, "2-n"),
        e(0x0008, 0x0012, "InstanceCreationDate", "Instance Creation Date", .DA, "1"),
        e(0x0008, 0x0013, "InstanceCreationTime", "Instance Creation Time", .TM, "1"),
        e(0x0008, 0x0016, "SOPClassUID", "SOP Class UID", .UI, "1"),
        e(0x0008, 0x0018, "SOPInstanceUID", "SOP Instance UID", .UI, "1"),
        e(0x0008, 0x0020, "StudyDate", "Study Date", .DA, "1"),
        e(0x0008, 0x0021, "SeriesDate", "Series Date", .DA, "1"),
        e(0x0008, 0x0022, "AcquisitionDate", "Acquisition Date", .DA, "1"),
        e(0x0008, 0x0023, "ContentDate", "Content Date", .DA, "1"),
        e(0x0008, 0x0030, "StudyTime", "Study Time", .TM, "1"),
        e(0x0008, 0x0031, "SeriesTime", "Series Time", .TM, "1"),
        e(0x0008, 0x0032, "AcquisitionTime", "Acquisition Time", .TM, "1"),
        e(0x0008, 0x0033, "ContentTime", "Content Time", .TM, "1"),
        e(0x0008, 0x0050, "AccessionNumber", "Accession Number", .SH, "1"),
        e(0x0008, 0x0051, "IssuerOfAccessionNumberSequence", "Issuer of Accession Number Sequence", .SQ, "1"),
        e(0x0008, 0x0060, "Modality", "Modality", .CS, "1"),
        e(0x0008, 0x0064, "ConversionType", "Conversion Type", .CS, "1"),
        e(0x0008, 0x0070, "Manufacturer", "Manufacturer", .LO, "1"),
        e(0x0008, 0x0080, "InstitutionName", "Institution Name", .LO, "1"),
        e(0x0008, 0x0081, "InstitutionAddress", "Institution Address", .ST, "1"),
        e(0x0008, 0x0090, "ReferringPhysicianName", "Referring Physician's Name", .PN, "1"),
        e(0x0008, 0x0100, "CodeValue", "Code Value", .SH, "1"),
        e(0x0008, 0x0102, "CodingSchemeDesignator", "Coding Scheme Designator", .SH, "1"),
        e(0x0008, 0x0104, "CodeMeaning", "Code Meaning", .LO, "1"),
        e(0x0008, 0x1010, "StationName", "Station Name", .SH, "1"),
        e(0x0008, 0x1030, "StudyDescription", "Study Description", .LO, "1"),
        e(0x0008, 0x103E, "SeriesDescription", "Series Description", .LO, "1"),
        e(0x0008, 0x1040, "InstitutionalDepartmentName", "Institutional Department Name", .LO, "1"),
        e(0x0008, 0x1090, "ManufacturerModelName", "Manufacturer's Model Name", .LO, "1"),
        e(0x0008, 0x1110, "ReferencedStudySequence", "Referenced Study Sequence", .SQ, "1"),
        e(0x0008, 0x1140, "ReferencedImageSequence", "Referenced Image Sequence", .SQ, "1"),
        e(0x0008, 0x1150, "ReferencedSOPClassUID", "Referenced SOP Class UID", .UI, "1"),
        e(0x0008, 0x1155, "ReferencedSOPInstanceUID", "Referenced SOP Instance UID", .UI, "1"),
        e(0x0010, 0x0010, "PatientName", "Patient's Name", .PN, "1"),
        e(0x0010, 0x0020, "PatientID", "Patient ID", .LO, "1"),
        e(0x0010, 0x0021, "IssuerOfPatientID", "Issuer of Patient ID", .LO, "1"),
        e(0x0010, 0x0022, "TypeOfPatientID", "Type of Patient ID", .CS, "1"),
        e(
            0x0010, 0x0024, "IssuerOfPatientIDQualifiersSequence", "Issuer of Patient ID Qualifiers Sequence",
            .SQ, "1"),
        e(0x0010, 0x0030, "PatientBirthDate", "Patient's Birth Date", .DA, "1"),
        e(0x0010, 0x0040, "PatientSex", "Patient's Sex", .CS, "1"),
        e(0x0010, 0x1002, "OtherPatientIDsSequence", "Other Patient IDs Sequence", .SQ, "1"),
        e(0x0010, 0x1010, "PatientAge", "Patient's Age", .AS, "1"),
        e(0x0018, 0x0015, "BodyPartExamined", "Body Part Examined", .CS, "1"),
        e(0x0018, 0x0050, "SliceThickness", "Slice Thickness", .DS, "1"),
        e(0x0018, 0x0060, "KVP", "KVP", .DS, "1"),
        e(0x0018, 0x1020, "SoftwareVersions", "Software Versions", .LO, "1-n"),
        e(0x0018, 0x1150, "ExposureTime", "Exposure Time", .IS, "1"),
        e(0x0018, 0x1151, "XRayTubeCurrent", "X-Ray Tube Current", .IS, "1"),
        e(0x0018, 0x5100, "PatientPosition", "Patient Position", .CS, "1"),
        e(0x0020, 0x000D, "StudyInstanceUID", "Study Instance UID", .UI, "1"),
        e(0x0020, 0x000E, "SeriesInstanceUID", "Series Instance UID", .UI, "1"),
        e(0x0020, 0x0010, "StudyID", "Study ID", .SH, "1"),
        e(0x0020, 0x0011, "SeriesNumber", "Series Number", .IS, "1"),
        e(0x0020, 0x0012, "AcquisitionNumber", "Acquisition Number", .IS, "1"),
        e(0x0020, 0x0013, "InstanceNumber", "Instance Number", .IS, "1"),
        e(0x0020, 0x0032, "ImagePositionPatient", "Image Position (Patient)", .DS, "3"),
        e(0x0020, 0x0037, "ImageOrientationPatient", "Image Orientation (Patient)", .DS, "6"),
        e(0x0020, 0x0052, "FrameOfReferenceUID", "Frame of Reference UID", .UI, "1"),
        e(0x0020, 0x1041, "SliceLocation", "Slice Location", .DS, "1"),
        e(0x0028, 0x0002, "SamplesPerPixel", "Samples per Pixel", .US, "1"),
        e(0x0028, 0x0004, "PhotometricInterpretation", "Photometric Interpretation", .CS, "1"),
        e(0x0028, 0x0008, "NumberOfFrames", "Number of Frames", .IS, "1"),
        e(0x0028, 0x0010, "Rows", "Rows", .US, "1"),
        e(0x0028, 0x0011, "Columns", "Columns", .US, "1"),
        e(0x0028, 0x0030, "PixelSpacing", "Pixel Spacing", .DS, "2"),
        e(0x0028, 0x0100, "BitsAllocated", "Bits Allocated", .US, "1"),
        e(0x0028, 0x0101, "BitsStored", "Bits Stored", .US, "1"),
        e(0x0028, 0x0102, "HighBit", "High Bit", .US, "1"),
        e(0x0028, 0x0103, "PixelRepresentation", "Pixel Representation", .US, "1"),
        e(0x0028, 0x1050, "WindowCenter", "Window Center", .DS, "1-n"),
        e(0x0028, 0x1051, "WindowWidth", "Window Width", .DS, "1-n"),
        e(0x0028, 0x1052, "RescaleIntercept", "Rescale Intercept", .DS, "1"),
        e(0x0028, 0x1053, "RescaleSlope", "Rescale Slope", .DS, "1"),
        e(0x0040, 0x0032, "UniversalEntityID", "Universal Entity ID", .UT, "1"),
        e(0x0040, 0x0033, "UniversalEntityIDType", "Universal Entity ID Type", .CS, "1"),
        e(0x0040, 0x0035, "IdentifierTypeCode", "Identifier Type Code", .CS, "1"),
        e(
            0x0040, 0x003A, "AssigningAgencyOrDepartmentCodeSequence",
            "Assigning Agency or Department Code Sequence", .SQ, "1"),
        e(0x0040, 0xA730, "ContentSequence", "Content Sequence", .SQ, "1"),
        e(0x0042, 0x0011, "EncapsulatedDocument", "Encapsulated Document", .OB, "1"),
        e(0x0042, 0x0012, "MIMETypeOfEncapsulatedDocument", "MIME Type of Encapsulated Document", .LO, "1"),
        e(0x7FE0, 0x0008, "FloatPixelData", "Float Pixel Data", .OF, "1"),
        e(0x7FE0, 0x0009, "DoubleFloatPixelData", "Double Float Pixel Data", .OD, "1"),
        e(0x7FE0, 0x0010, "PixelData", "Pixel Data", .OW, "1"),
        e(0xFFFE, 0xE000, "Item", "Item", .UN, "1"),
        e(0xFFFE, 0xE00D, "ItemDelimitationItem", "Item Delimitation Item", .UN, "1"),
        e(0xFFFE, 0xE0DD, "SequenceDelimitationItem", "Sequence Delimitation Item", .UN, "1"),
    ]

    private static func e(
        _ group: UInt16, _ element: UInt16, _ keyword: String, _ name: String, _ vr: VR, _ vm: String
    ) -> DictionaryEntry {
        DictionaryEntry(tag: DICOMTag(group, element), keyword: keyword, name: name, vr: vr, vm: vm)
    }
}
