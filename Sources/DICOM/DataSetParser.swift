/// Why a parse stopped short: bad input, or (only when the caller said more input may follow) the input
/// ended before the data set did, so the caller can fetch more bytes and parse again.
enum ParseFailure: Error {
    case invalid(DICOMReadError)
    case needMoreInput
}

/// Where a top-level element list ends early.
enum TopLevelStop {
    /// Read to the end of the input.
    case never
    /// Stop at the first pixel data element, after its header (``ReadOptions/stopBeforePixelData``).
    case atPixelData
    /// Stop at the first element outside this group (the file meta information, group 0002, has no reliable
    /// end marker: its group length is optional and often wrong).
    case afterGroup(UInt16)
}

/// The data set reader: walks elements, items and sequences over bytes in memory, checking every length
/// against what remains of the input and of the enclosing item or sequence before using it.
///
/// Values (except pixel data) are copied into one growing buffer as they are found, so the result holds no
/// reference to the input and never the pixel data. Recursion is one level per sequence, bounded by
/// ``ReadOptions/maximumSequenceDepth``; every loop step consumes at least an 8-byte header, so no input can
/// make it spin. Nothing is allocated in proportion to a length field, only to bytes actually present.
struct DataSetParser {
    let input: UnsafeRawBufferPointer
    let isBigEndian: Bool
    /// `false` when more bytes may follow the input (a file read in growing pieces); running out of input
    /// then throws ``ParseFailure/needMoreInput`` instead of an error.
    let inputIsComplete: Bool
    let maximumDepth: Int
    private(set) var values: [UInt8] = []

    init(input: UnsafeRawBufferPointer, isBigEndian: Bool, inputIsComplete: Bool, maximumDepth: Int) {
        self.input = input
        self.isBigEndian = isBigEndian
        self.inputIsComplete = inputIsComplete
        self.maximumDepth = maximumDepth
    }

    /// Reads the top-level elements from `position` to the end of the input or to `stop`, leaving
    /// `position` after the last element read. `expected` sizes the buffers up front; profiles of header
    /// reads showed their repeated growth, and a guess bounded by the input costs little when it is wrong.
    mutating func parseTopLevel(
        from position: inout Int, explicitVR: Bool, stop: TopLevelStop, expected: ExpectedSize
    ) throws(ParseFailure) -> [DataElement] {
        values.reserveCapacity(min(input.count - position, expected.valueBytes))
        return try parseElements(
            from: &position, limit: input.count, delimited: false, depth: 0, explicitVR: explicitVR, stop: stop,
            expectedCount: min((input.count - position) / 8, expected.elements))
    }

    /// How many top-level elements and value bytes a read expects.
    struct ExpectedSize {
        let elements: Int
        let valueBytes: Int

        /// File meta information: about ten elements, a few UIDs.
        static let fileMeta = ExpectedSize(elements: 12, valueBytes: 256)
        /// An image header: typically 100-300 elements and a few KB of values.
        static let dataSet = ExpectedSize(elements: 256, valueBytes: 8 << 10)
    }

    // MARK: - Element lists

    /// Elements up to `limit`, or up to an item delimitation item when `delimited`.
    private mutating func parseElements(
        from position: inout Int, limit: Int, delimited: Bool, depth: Int, explicitVR: Bool, stop: TopLevelStop,
        expectedCount: Int = 0
    ) throws(ParseFailure) -> [DataElement] {
        var elements: [DataElement] = []
        elements.reserveCapacity(expectedCount)
        while true {
            if position == limit {
                if delimited || (limit == input.count && !inputIsComplete) {
                    try requireHeader(8, at: position, limit: limit, tag: nil)
                }
                return elements
            }
            try requireHeader(8, at: position, limit: limit, tag: nil)
            let offset = position
            let tag = readTag(at: position)
            if case .afterGroup(let group) = stop, tag.group != group { return elements }
            if tag.isDelimitation {
                if tag == .itemDelimitationItem, delimited {
                    position += 8
                    return elements
                }
                throw .invalid(.unexpectedTag(offset: offset, tag: tag, expected: "a data element"))
            }
            let (vr, length, valueStart) = try readVRAndLength(
                of: tag, at: offset, limit: limit, explicitVR: explicitVR)
            position = valueStart
            if case .atPixelData = stop, tag.isPixelData {
                let info = PixelDataInfo(valueOffset: valueStart, length: length, fragmentCount: nil)
                elements.append(
                    DataElement(tag: tag, vr: vr, offset: offset, length: length, content: .pixelData(info)))
                return elements
            }
            elements.append(
                try parseValue(
                    tag: tag, vr: vr, length: length, offset: offset, position: &position, limit: limit, depth: depth,
                    explicitVR: explicitVR))
        }
    }

    /// The VR (explicit, or from the dictionary) and the length field of the element whose tag is at `offset`,
    /// and where its value starts.
    private func readVRAndLength(
        of tag: DICOMTag, at offset: Int, limit: Int, explicitVR: Bool
    ) throws(ParseFailure) -> (VR, UInt32, Int) {
        guard explicitVR else {
            return (DataDictionary.implicitVR(for: tag), readUInt32(at: offset + 4), offset + 8)
        }
        let code = UInt16(input[offset + 4]) << 8 | UInt16(input[offset + 5])
        guard let vr = VR(code: code) else {
            throw .invalid(.invalidVR(offset: offset, tag: tag, code: code))
        }
        guard vr.hasLongExplicitLength else {
            return (vr, UInt32(readUInt16(at: offset + 6)), offset + 8)
        }
        try requireHeader(12, at: offset, limit: limit, tag: tag)
        return (vr, readUInt32(at: offset + 8), offset + 12)
    }

    // MARK: - Values

    private mutating func parseValue(
        tag: DICOMTag, vr: VR, length: UInt32, offset: Int, position: inout Int, limit: Int, depth: Int,
        explicitVR: Bool
    ) throws(ParseFailure) -> DataElement {
        if length == DataElement.undefinedLength {
            if vr == .SQ || vr == .UN {
                // UN with undefined length is a sequence of unknown VR, encoded Implicit VR Little Endian
                // (PS3.5 6.2.2); in implicit data the dictionary says UN for every tag it does not know.
                let items = try parseItems(
                    from: &position, limit: limit, delimited: true, depth: depth + 1,
                    explicitVR: vr == .SQ && explicitVR,
                    sequenceTag: tag, sequenceOffset: offset)
                let shownVR: VR = explicitVR ? vr : .SQ
                return DataElement(tag: tag, vr: shownVR, offset: offset, length: length, content: .sequence(items))
            }
            guard tag.isPixelData else {
                throw .invalid(.undefinedLength(offset: offset, tag: tag, vr: vr))
            }
            let valueStart = position
            let fragments = try skipFragments(from: &position, limit: limit)
            let info = PixelDataInfo(valueOffset: valueStart, length: length, fragmentCount: fragments)
            return DataElement(tag: tag, vr: vr, offset: offset, length: length, content: .pixelData(info))
        }
        let valueEnd = try requireValue(length, at: position, limit: limit, elementOffset: offset, tag: tag)
        if vr == .SQ {
            let items = try parseItems(
                from: &position, limit: valueEnd, delimited: false, depth: depth + 1, explicitVR: explicitVR,
                sequenceTag: tag, sequenceOffset: offset)
            return DataElement(tag: tag, vr: vr, offset: offset, length: length, content: .sequence(items))
        }
        if tag.isPixelData {
            let info = PixelDataInfo(valueOffset: position, length: length, fragmentCount: nil)
            position = valueEnd
            return DataElement(tag: tag, vr: vr, offset: offset, length: length, content: .pixelData(info))
        }
        let start = values.count
        values.append(contentsOf: UnsafeRawBufferPointer(rebasing: input[position..<valueEnd]))
        position = valueEnd
        return DataElement(tag: tag, vr: vr, offset: offset, length: length, content: .value(start..<values.count))
    }

    /// The items of a sequence, each an element list, up to `limit` or a sequence delimitation item.
    private mutating func parseItems(
        from position: inout Int, limit: Int, delimited: Bool, depth: Int, explicitVR: Bool,
        sequenceTag: DICOMTag, sequenceOffset: Int
    ) throws(ParseFailure) -> [[DataElement]] {
        guard depth <= maximumDepth else {
            throw .invalid(.sequenceTooDeep(offset: sequenceOffset, tag: sequenceTag, limit: maximumDepth))
        }
        var items: [[DataElement]] = []
        while true {
            if position == limit, !delimited, limit != input.count || inputIsComplete { return items }
            try requireHeader(8, at: position, limit: limit, tag: nil)
            let offset = position
            let tag = readTag(at: position)
            let length = readUInt32(at: position + 4)
            position += 8
            if tag == .sequenceDelimitationItem, delimited { return items }
            guard tag == .item else {
                throw .invalid(
                    .unexpectedTag(offset: offset, tag: tag, expected: "an item (FFFE,E000) of \(sequenceTag)"))
            }
            if length == DataElement.undefinedLength {
                items.append(
                    try parseElements(
                        from: &position, limit: limit, delimited: true, depth: depth, explicitVR: explicitVR,
                        stop: .never))
            } else {
                let itemEnd = try requireValue(length, at: position, limit: limit, elementOffset: offset, tag: tag)
                items.append(
                    try parseElements(
                        from: &position, limit: itemEnd, delimited: false, depth: depth, explicitVR: explicitVR,
                        stop: .never))
            }
        }
    }

    /// Walks the items of encapsulated pixel data (PS3.5 A.4) without reading them; returns how many there were.
    private func skipFragments(from position: inout Int, limit: Int) throws(ParseFailure) -> Int {
        var count = 0
        while true {
            try requireHeader(8, at: position, limit: limit, tag: nil)
            let offset = position
            let tag = readTag(at: position)
            let length = readUInt32(at: position + 4)
            position += 8
            if tag == .sequenceDelimitationItem { return count }
            guard tag == .item else {
                throw .invalid(
                    .unexpectedTag(offset: offset, tag: tag, expected: "a pixel data fragment item (FFFE,E000)"))
            }
            guard length != DataElement.undefinedLength else {
                throw .invalid(.undefinedLength(offset: offset, tag: tag, vr: .OB))
            }
            position = try requireValue(length, at: position, limit: limit, elementOffset: offset, tag: tag)
            count += 1
        }
    }

    // MARK: - Bounds

    /// Fails unless `count` header bytes remain between `position` and `limit`.
    private func requireHeader(_ count: Int, at position: Int, limit: Int, tag: DICOMTag?) throws(ParseFailure) {
        if limit - position >= count { return }
        if limit == input.count, !inputIsComplete { throw .needMoreInput }
        throw .invalid(.truncatedHeader(offset: position, tag: tag, needed: count, available: limit - position))
    }

    /// The end of a value of `length` bytes starting at `start`, after checking it fits before `limit`.
    private func requireValue(
        _ length: UInt32, at start: Int, limit: Int, elementOffset: Int, tag: DICOMTag
    ) throws(ParseFailure) -> Int {
        let count = Int(length)
        if count <= limit - start { return start + count }
        if limit == input.count, !inputIsComplete { throw .needMoreInput }
        throw .invalid(.lengthOutOfBounds(offset: elementOffset, tag: tag, length: length, available: limit - start))
    }

    // MARK: - Numbers

    private func readTag(at offset: Int) -> DICOMTag {
        DICOMTag(readUInt16(at: offset), readUInt16(at: offset + 2))
    }

    private func readUInt16(at offset: Int) -> UInt16 {
        let raw = input.loadUnaligned(fromByteOffset: offset, as: UInt16.self)
        return isBigEndian ? UInt16(bigEndian: raw) : UInt16(littleEndian: raw)
    }

    private func readUInt32(at offset: Int) -> UInt32 {
        let raw = input.loadUnaligned(fromByteOffset: offset, as: UInt32.self)
        return isBigEndian ? UInt32(bigEndian: raw) : UInt32(littleEndian: raw)
    }
}
