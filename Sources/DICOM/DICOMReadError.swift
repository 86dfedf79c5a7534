/// Why bytes could not be read as DICOM. Every case that concerns an element carries the byte offset of the
/// element's tag and the tag itself.
///
/// Offsets count from the first byte the reader was given: the preamble of a Part 10 file, or the first byte
/// of a data set read on its own. In a deflated data set they count from the first byte of the inflated data
/// set, because the compressed bytes have no element boundaries.
public enum DICOMReadError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Bytes 128–131 are not `DICM`, so this is not a Part 10 file (PS3.10 7.1).
    case notPart10(offset: Int)
    /// The input ends inside an element's tag, VR or length.
    case truncatedHeader(offset: Int, tag: DICOMTag?, needed: Int, available: Int)
    /// A length field claims more bytes than the input, the enclosing item or the enclosing sequence holds.
    case lengthOutOfBounds(offset: Int, tag: DICOMTag, length: UInt32, available: Int)
    /// The two VR bytes of an explicit VR element are not a VR of PS3.5 6.2.
    case invalidVR(offset: Int, tag: DICOMTag, code: UInt16)
    /// An undefined length (FFFFFFFF) on an element that can have none: only SQ, UN and encapsulated pixel
    /// data (OB/OW) may (PS3.5 7.1.2).
    case undefinedLength(offset: Int, tag: DICOMTag, vr: VR)
    /// A tag where DICOM does not allow it: an item or delimiter outside a sequence, a data element where an
    /// item must be, or an element that overruns its item or sequence.
    case unexpectedTag(offset: Int, tag: DICOMTag, expected: String)
    /// Sequences nested deeper than ``ReadOptions/maximumSequenceDepth``.
    case sequenceTooDeep(offset: Int, tag: DICOMTag, limit: Int)
    /// The file meta information has no Transfer Syntax UID (0002,0010).
    case missingTransferSyntax(offset: Int)
    /// zlib could not inflate a Deflated Explicit VR Little Endian data set.
    case inflateFailed(offset: Int, reason: String)
    /// The inflated data set would be larger than ``ReadOptions/maximumInflatedSize``.
    case inflatedSizeLimitExceeded(offset: Int, limit: Int)
    /// The file could not be opened or read.
    case unreadableFile(path: String, reason: String)

    /// The byte offset the error concerns, when it concerns a place in the input.
    public var offset: Int? {
        switch self {
        case .notPart10(let offset), .truncatedHeader(let offset, _, _, _), .lengthOutOfBounds(let offset, _, _, _),
            .invalidVR(let offset, _, _), .undefinedLength(let offset, _, _), .unexpectedTag(let offset, _, _),
            .sequenceTooDeep(let offset, _, _), .missingTransferSyntax(let offset), .inflateFailed(let offset, _),
            .inflatedSizeLimitExceeded(let offset, _):
            offset
        case .unreadableFile: nil
        }
    }

    /// The tag of the element the error concerns, when there is one.
    public var tag: DICOMTag? {
        switch self {
        case .truncatedHeader(_, let tag, _, _): tag
        case .lengthOutOfBounds(_, let tag, _, _), .invalidVR(_, let tag, _), .undefinedLength(_, let tag, _),
            .unexpectedTag(_, let tag, _), .sequenceTooDeep(_, let tag, _):
            tag
        default: nil
        }
    }

    /// One line for a person: where, which element, what is wrong.
    public var description: String {
        switch self {
        case .notPart10(let offset):
            return "byte \(offset): no DICM prefix, not a DICOM Part 10 file"
        case .truncatedHeader(let offset, let tag, let needed, let available):
            let element = tag.map { " in \(Self.name($0))" } ?? ""
            return "byte \(offset)\(element): input ends inside the element header, "
                + "\(needed) bytes needed and \(available) left"
        case .lengthOutOfBounds(let offset, let tag, let length, let available):
            return "byte \(offset) \(Self.name(tag)): length \(length) is more than the \(available) bytes left"
        case .invalidVR(let offset, let tag, let code):
            let shown = [UInt8(code >> 8), UInt8(code & 0xFF)]
                .map { (0x20...0x7E).contains($0) ? String(UnicodeScalar($0)) : "\\x" + String($0, radix: 16) }
                .joined()
            return "byte \(offset) \(Self.name(tag)): \"\(shown)\" is not a value representation"
        case .undefinedLength(let offset, let tag, let vr):
            return "byte \(offset) \(Self.name(tag)): undefined length is not allowed for VR \(vr)"
        case .unexpectedTag(let offset, let tag, let expected):
            return "byte \(offset) \(Self.name(tag)): unexpected here, expected \(expected)"
        case .sequenceTooDeep(let offset, let tag, let limit):
            return "byte \(offset) \(Self.name(tag)): sequences nested more than \(limit) deep"
        case .missingTransferSyntax(let offset):
            return "byte \(offset): the file meta information has no Transfer Syntax UID (0002,0010)"
        case .inflateFailed(let offset, let reason):
            return "byte \(offset): the deflated data set does not inflate: \(reason)"
        case .inflatedSizeLimitExceeded(let offset, let limit):
            return "byte \(offset): the deflated data set inflates to more than \(limit) bytes"
        case .unreadableFile(let path, let reason):
            return "\(path): cannot read: \(reason)"
        }
    }

    /// `(0010,0020) PatientID`, or only the tag when the dictionary does not know it.
    private static func name(_ tag: DICOMTag) -> String {
        DataDictionary.entry(for: tag).map { "\(tag) \($0.keyword)" } ?? tag.description
    }
}
