/// One data element as read: its tag, VR, where it was, and its value (bytes, items, or skipped pixel data).
///
/// Values are not held here but in the ``DataSet`` the element belongs to, which keeps every value of one
/// read in a single buffer; read them through the data set's accessors.
public struct DataElement: Sendable, Hashable {
    /// The tag.
    public let tag: DICOMTag
    /// The VR: as written in explicit VR data, from the dictionary in implicit VR data (`UN` when unknown).
    public let vr: VR
    /// Offset of the element's tag in the input (see ``DICOMReadError`` for what offsets count from).
    public let offset: Int
    /// The length field as written; `0xFFFFFFFF` is undefined length.
    public let length: UInt32
    let content: Content

    enum Content: Sendable, Hashable {
        /// The value's bytes are `range` of the data set's value buffer.
        case value(Range<Int>)
        /// A sequence: each item is the elements of one nested data set.
        case sequence([[DataElement]])
        /// Pixel data, skipped without being copied.
        case pixelData(PixelDataInfo)
    }

    /// The length field's value meaning "until a delimitation item" (PS3.5 7.5).
    public static let undefinedLength: UInt32 = 0xFFFF_FFFF

    /// `true` for sequences (SQ, and UN or implicit VR elements that turned out to hold items).
    public var isSequence: Bool {
        if case .sequence = content { return true }
        return false
    }

    /// Where the pixel data value is, when this element is pixel data.
    public var pixelData: PixelDataInfo? {
        if case .pixelData(let info) = content { return info }
        return nil
    }
}

/// Where a pixel data element's value lies in the input, so a later step can stream it without the reader
/// having loaded it.
public struct PixelDataInfo: Sendable, Hashable {
    /// Offset of the first value byte (for encapsulated data, of the first item tag).
    public let valueOffset: Int
    /// The length field; ``DataElement/undefinedLength`` for encapsulated (compressed) pixel data.
    public let length: UInt32
    /// For encapsulated pixel data read to its end: the number of items, the basic offset table included.
    /// `nil` when the read stopped at the pixel data, and for native pixel data.
    public let fragmentCount: Int?

    /// `true` for compressed pixel data held in fragments (PS3.5 A.4).
    public var isEncapsulated: Bool { length == DataElement.undefinedLength }
}
