/// Where one segment lies in the message bytes.
struct SegmentEntry: Sendable {
    /// Offset of the segment ID's first byte.
    var start: Int
    /// Offset just past the segment's last byte, before its line end.
    var end: Int
    /// Index into ``MessageIndex/separators`` of this segment's first field separator.
    var firstSeparator: Int
    /// How many field separators the segment holds (= number of fields after the ID).
    var separatorCount: Int
    /// The three ID bytes packed into one number, so that looking a segment up compares one integer.
    var code: UInt32

    static func code(_ first: UInt8, _ second: UInt8, _ third: UInt8) -> UInt32 {
        UInt32(first) << 16 | UInt32(second) << 8 | UInt32(third)
    }

    /// The code of a three-byte ID; nil for any other length. Reads the UTF-8 view without making an array,
    /// because every lookup by ID (`segment("PID")`, each ``FieldPath``) starts here.
    static func code(_ id: String) -> UInt32? {
        var code: UInt32 = 0
        var count = 0
        for byte in id.utf8 {
            count += 1
            guard count <= 3 else { return nil }
            code = code << 8 | UInt32(byte)
        }
        return count == 3 ? code : nil
    }

    /// The three ID bytes of a code as a string (a small string: no allocation).
    static func id(_ code: UInt32) -> String {
        String(unsafeUninitializedCapacity: 3) { buffer in
            buffer[0] = UInt8(truncatingIfNeeded: code >> 16)
            buffer[1] = UInt8(truncatingIfNeeded: code >> 8)
            buffer[2] = UInt8(truncatingIfNeeded: code)
            return 3
        }
    }

    static let headerCode = code(UInt8(ascii: "M"), UInt8(ascii: "S"), UInt8(ascii: "H"))
}

/// The one-pass index of a message: segment bounds and the offsets of all field separators.
///
/// Field ranges come from the separator offsets; repetitions, components and subcomponents are found by
/// scanning inside one field when asked, because fields are short and most are never read.
struct MessageIndex: Sendable {
    let delimiters: EncodingCharacters
    let segments: [SegmentEntry]
    let separators: [UInt32]

    /// The highest HL7 field number the segment holds (MSH counts its field separator as MSH-1).
    func fieldCount(segment: Int) -> Int {
        let entry = segments[segment]
        let isHeader = entry.code == SegmentEntry.headerCode && entry.separatorCount > 0
        return isHeader ? entry.separatorCount + 1 : entry.separatorCount
    }

    /// The bytes of HL7 field `number` of a segment, or nil when the segment has fewer fields.
    /// For MSH, field 1 is the field separator byte and field 2 the encoding characters.
    func fieldRange(segment: Int, number: Int) -> Range<Int>? {
        let entry = segments[segment]
        var element = number
        if entry.code == SegmentEntry.headerCode {
            // The ID is three bytes, so a header's first separator, when it has one, is MSH-1.
            if number == 1 { return entry.separatorCount > 0 ? (entry.start + 3)..<(entry.start + 4) : nil }
            element -= 1
        }
        guard element >= 1, element <= entry.separatorCount else { return nil }
        return separators.withUnsafeBufferPointer { offsets in
            let lower = Int(offsets[entry.firstSeparator + element - 1]) + 1
            let upper = element < entry.separatorCount ? Int(offsets[entry.firstSeparator + element]) : entry.end
            return lower..<upper
        }
    }

    /// Whether the field holds delimiters rather than data (MSH-1, MSH-2), so must be neither split nor unescaped.
    func isLiteralField(segment: Int, number: Int) -> Bool {
        segments[segment].code == SegmentEntry.headerCode && number <= 2
    }

    /// The segment's ID; the indexer admitted only three ASCII letters or digits, which its code holds.
    func segmentID(_ segment: Int) -> String {
        SegmentEntry.id(segments[segment].code)
    }

    /// The first segment with this code, or nil.
    func firstSegment(code: UInt32) -> Int? {
        segments.withUnsafeBufferPointer { entries in entries.firstIndex { $0.code == code } }
    }

    /// The sub-ranges of `range` between `separator` bytes (one range for a range without separators).
    func pieces(of range: Range<Int>, separatedBy separator: UInt8, in bytes: [UInt8]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        forEachPiece(of: range, separatedBy: separator, in: bytes) { piece in
            result.append(piece)
            return true
        }
        return result
    }

    /// Calls `body` with each sub-range of `range` between `separator` bytes, in order, until it returns
    /// false. Used where building an array per value would cost more than the scan (CX, HD).
    func forEachPiece(
        of range: Range<Int>, separatedBy separator: UInt8, in bytes: [UInt8], _ body: (Range<Int>) -> Bool
    ) {
        bytes.withUnsafeBufferPointer { buffer in
            var start = range.lowerBound
            for offset in range where buffer[offset] == separator {
                guard body(start..<offset) else { return }
                start = offset + 1
            }
            _ = body(start..<range.upperBound)
        }
    }

    /// The `number`-th (1-based) piece of `range` between `separator` bytes, or nil when there are fewer.
    func piece(_ number: Int, of range: Range<Int>, separatedBy separator: UInt8, in bytes: [UInt8]) -> Range<Int>? {
        bytes.withUnsafeBufferPointer { buffer in
            var remaining = number - 1
            var start = range.lowerBound
            var offset = range.lowerBound
            while offset < range.upperBound {
                if buffer[offset] == separator {
                    if remaining == 0 { return start..<offset }
                    remaining -= 1
                    start = offset + 1
                }
                offset += 1
            }
            return remaining == 0 ? start..<range.upperBound : nil
        }
    }

    /// Segment, field and offset of a byte, for error reports.
    func position(ofByteOffset offset: Int, in bytes: [UInt8]) -> Position {
        var low = 0
        var high = segments.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if segments[middle].start <= offset { low = middle } else { high = middle - 1 }
        }
        let entry = segments[low]
        guard offset >= entry.start, offset < entry.end else {
            return Position(byteOffset: offset)
        }
        let element = separators[entry.firstSeparator..<(entry.firstSeparator + entry.separatorCount)]
            .prefix { Int($0) < offset }.count
        let isHeader = entry.code == SegmentEntry.headerCode
        let field: Int?
        if isHeader && offset == entry.start + 3 {
            field = 1
        } else if element == 0 {
            field = nil  // the segment ID
        } else {
            field = isHeader ? element + 1 : element
        }
        return Position(
            segmentNumber: low + 1, segmentID: segmentID(low), field: field, byteOffset: offset)
    }
}
