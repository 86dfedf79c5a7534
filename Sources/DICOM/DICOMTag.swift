/// A data element tag: a group and an element number, `(gggg,eeee)`.
///
/// Stored as one `UInt32` (group in the high half) so that tags compare in the order DICOM requires data
/// elements to appear in a data set.
public struct DICOMTag: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// `group << 16 | element`.
    public let rawValue: UInt32

    /// The tag with this group and element number.
    public init(_ group: UInt16, _ element: UInt16) {
        rawValue = UInt32(group) << 16 | UInt32(element)
    }

    /// The tag whose group is the high half of `rawValue`.
    public init(rawValue: UInt32) {
        self.rawValue = rawValue
    }

    /// The group number, the `gggg` of `(gggg,eeee)`.
    public var group: UInt16 { UInt16(truncatingIfNeeded: rawValue >> 16) }
    /// The element number, the `eeee` of `(gggg,eeee)`.
    public var element: UInt16 { UInt16(truncatingIfNeeded: rawValue) }

    /// Private tags live in odd groups (PS3.5 7.8); their VR and meaning belong to the vendor.
    public var isPrivate: Bool { group & 1 == 1 }

    /// The item, item delimitation and sequence delimitation tags of group FFFE, which have no VR even in
    /// explicit VR transfer syntaxes.
    var isDelimitation: Bool { group == 0xFFFE }

    /// `(0010,0020)`, upper-case hex as the standard prints tags.
    public var description: String {
        "(\(Self.hex(group)),\(Self.hex(element)))"
    }

    public static func < (lhs: DICOMTag, rhs: DICOMTag) -> Bool {
        lhs.rawValue < rhs.rawValue
    }

    private static func hex(_ value: UInt16) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: 4 - digits.count) + digits
    }
}
