/// A data set as read: its elements in input order and the bytes of their values.
///
/// All values of one read share one buffer, and nested items share their parent's, so a data set holds only
/// the bytes of the values it read (never pixel data) and handing it around copies nothing.
public struct DataSet: Sendable {
    /// The elements in the order they were read; DICOM requires ascending tag order, which ``element(_:)``
    /// uses when the input kept to it.
    public let elements: [DataElement]
    /// The character set strings are decoded with: this data set's own (0008,0005), else the enclosing data
    /// set's (PS3.5 7.5.2: an item may declare its own), else the default repertoire.
    public let characterSet: SpecificCharacterSet
    /// Multi-byte numbers in the value buffer are big-endian (Explicit VR Big Endian).
    public let isBigEndian: Bool
    let values: [UInt8]
    private let isInTagOrder: Bool

    init(elements: [DataElement], values: [UInt8], isBigEndian: Bool, enclosingCharacterSet: SpecificCharacterSet) {
        self.elements = elements
        self.values = values
        self.isBigEndian = isBigEndian
        var inOrder = true
        for index in elements.indices.dropFirst() where elements[index - 1].tag >= elements[index].tag {
            inOrder = false
            break
        }
        isInTagOrder = inOrder
        characterSet = Self.declaredCharacterSet(in: elements, values: values) ?? enclosingCharacterSet
    }

    /// The character set (0008,0005) names, when the elements have it. Its terms are ASCII (PS3.5 6.1.2.3).
    private static func declaredCharacterSet(in elements: [DataElement], values: [UInt8]) -> SpecificCharacterSet? {
        // Data sets are in tag order and (0008,0005) is among the first tags, so the scan stops within a few
        // elements; one out of order is not looked for.
        for element in elements where element.tag >= .specificCharacterSet {
            guard element.tag == .specificCharacterSet, case .value(let range) = element.content else { return nil }
            let rawTerms = values[range].split(separator: UInt8(ascii: "\\"), omittingEmptySubsequences: false)
            let terms = rawTerms.map { rawTerm in
                var term = rawTerm
                while term.first == 0x20 { term = term.dropFirst() }
                while term.last == 0x20 || term.last == 0x00 { term = term.dropLast() }
                return String(decoding: term, as: UTF8.self)
            }
            return SpecificCharacterSet(terms: terms)
        }
        return nil
    }

    /// The element with `tag`, or `nil`.
    public func element(_ tag: DICOMTag) -> DataElement? {
        guard isInTagOrder else { return elements.first { $0.tag == tag } }
        var low = 0
        var high = elements.count
        while low < high {
            let middle = (low + high) / 2
            let found = elements[middle].tag
            if found == tag { return elements[middle] }
            if found < tag { low = middle + 1 } else { high = middle }
        }
        return nil
    }

    /// `true` when the data set has an element with `tag`, even an empty one.
    public func contains(_ tag: DICOMTag) -> Bool {
        element(tag) != nil
    }

    /// The items of the sequence `tag`, each a data set that inherits this one's character set; empty when
    /// there is no such sequence.
    public func items(_ tag: DICOMTag) -> [DataSet] {
        guard let element = element(tag), case .sequence(let items) = element.content else { return [] }
        return items.map {
            DataSet(elements: $0, values: values, isBigEndian: isBigEndian, enclosingCharacterSet: characterSet)
        }
    }

    /// The pixel data element's position, when the data set has pixel data at its top level.
    public var pixelData: PixelDataInfo? {
        elements.last { $0.tag.isPixelData }?.pixelData
    }

    /// Calls `body` with the raw value bytes of `element`, as they were in the input (padding included).
    /// Sequences and pixel data have no bytes here and pass an empty buffer.
    public func withValueBytes<Result>(
        of element: DataElement, _ body: (UnsafeRawBufferPointer) throws -> Result
    ) rethrows -> Result {
        guard case .value(let range) = element.content else {
            return try body(UnsafeRawBufferPointer(start: nil, count: 0))
        }
        return try values.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[range])) }
    }

    /// The raw value bytes of `tag`, padding included; `nil` when absent, a sequence or pixel data.
    public func bytes(_ tag: DICOMTag) -> [UInt8]? {
        guard let element = element(tag), case .value(let range) = element.content else { return nil }
        return Array(values[range])
    }
}
