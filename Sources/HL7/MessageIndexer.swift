/// Builds a ``MessageIndex`` in one pass over the bytes. This is the parser's hot path.
enum MessageIndexer {
    static func index(_ bytes: UnsafeBufferPointer<UInt8>) throws(HL7Error) -> MessageIndex {
        let (delimiters, headerEnd) = try readHeader(bytes)
        let lineEnd = segmentEnd(in: bytes, headerEnd: headerEnd)
        let count = bytes.count
        var segments: [SegmentEntry] = []
        segments.reserveCapacity(count / 48 + 4)
        var separators: [UInt32] = []
        separators.reserveCapacity(count / 6 + 16)

        var start = 0
        while start < count {
            let first = bytes[start]
            if first == ASCII.carriageReturn || first == ASCII.lineFeed {
                start += 1
                continue
            }
            let firstSeparator = separators.count
            let cursor = scanSegment(
                bytes, from: start, separator: delimiters.field, lineEnd: lineEnd, into: &separators)
            var end = cursor
            if lineEnd == ASCII.lineFeed, end > start, bytes[end - 1] == ASCII.carriageReturn {
                end -= 1
            }
            let separatorCount = separators.count - firstSeparator
            let idEnd = separatorCount > 0 ? Int(separators[firstSeparator]) : end
            guard idEnd - start == 3, ASCII.isUpperAlphanumeric(bytes[start]),
                ASCII.isUpperAlphanumeric(bytes[start + 1]), ASCII.isUpperAlphanumeric(bytes[start + 2])
            else {
                let found = String(decoding: bytes[start..<min(idEnd, start + 12)], as: UTF8.self)
                throw .invalidSegmentID(
                    found: found, Position(segmentNumber: segments.count + 1, byteOffset: start))
            }
            segments.append(
                SegmentEntry(
                    start: start, end: end, firstSeparator: firstSeparator, separatorCount: separatorCount,
                    code: SegmentEntry.code(bytes[start], bytes[start + 1], bytes[start + 2])))
            start = cursor + 1
        }
        return MessageIndex(delimiters: delimiters, segments: segments, separators: separators)
    }

    /// Appends the offsets of the field separators from `start` to the segment's end and returns the offset
    /// of the line-end byte (or the input's end).
    ///
    /// Eight bytes at a time, with the separator and line-end matches of a word as two masks: a word without a
    /// line end appends all its separators, a word with one appends those before it and ends the segment. Telling
    /// the two apart from the masks, rather than loading each matched byte again, takes a load and a branch off the
    /// path of every separator (perf put that compare-and-branch at a fifth of the indexer's samples).
    @inline(__always)
    private static func scanSegment(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, separator: UInt8, lineEnd: UInt8,
        into separators: inout [UInt32]
    ) -> Int {
        guard let base = bytes.baseAddress else { return start }
        let count = bytes.count
        let scanner = ByteScanner(separator, lineEnd)
        var cursor = start
        while cursor &+ 8 <= count {
            var (fields, ends) = scanner.separateMatches(in: ByteScanner.word(at: base + cursor))
            if ends != 0 {
                // Bit 7 of byte k marks a match; separators in bytes before the line end have lower bits.
                let end = ends.trailingZeroBitCount
                fields &= (1 &<< end) &- 1
                while fields != 0 {
                    separators.append(UInt32(truncatingIfNeeded: cursor &+ fields.trailingZeroBitCount &>> 3))
                    fields &= fields &- 1
                }
                return cursor &+ end &>> 3
            }
            while fields != 0 {
                separators.append(UInt32(truncatingIfNeeded: cursor &+ fields.trailingZeroBitCount &>> 3))
                fields &= fields &- 1
            }
            cursor &+= 8
        }
        while cursor < count {
            let byte = base[cursor]
            if byte == lineEnd { return cursor }
            if byte == separator { separators.append(UInt32(truncatingIfNeeded: cursor)) }
            cursor += 1
        }
        return count
    }

    /// Reads and checks MSH-1 and MSH-2; also returns where the MSH line ends (its CR or LF, or the input's end).
    private static func readHeader(
        _ bytes: UnsafeBufferPointer<UInt8>
    ) throws(HL7Error) -> (EncodingCharacters, headerEnd: Int) {
        let count = bytes.count
        guard count > 0 else { throw .emptyInput }
        guard count <= Int(UInt32.max) else { throw .messageTooLarge(byteCount: count) }
        guard count >= 3, bytes[0] == UInt8(ascii: "M"), bytes[1] == UInt8(ascii: "S"), bytes[2] == UInt8(ascii: "H")
        else {
            throw .missingHeader(
                found: String(decoding: bytes.prefix(3), as: UTF8.self), Position(segmentNumber: 1, byteOffset: 0))
        }
        let headerEnd = firstLineEnd(in: bytes, from: 3)
        guard headerEnd >= 8 else {
            throw .headerTooShort(
                Position(segmentNumber: 1, segmentID: "MSH", field: headerEnd > 4 ? 2 : 1, byteOffset: headerEnd))
        }
        let field = bytes[3]
        if isStandardHeader(bytes, headerEnd: headerEnd) {
            return (.standard, headerEnd)
        }
        let msh2End = (4..<headerEnd).first { bytes[$0] == field } ?? headerEnd
        let msh2 = Array(bytes[4..<msh2End])
        let position = Position(segmentNumber: 1, segmentID: "MSH", field: 2, byteOffset: 4)
        guard msh2.count == 4 || msh2.count == 5 else {
            throw .invalidEncodingCharacters(
                reason: "MSH-2 holds \(msh2.count) characters; 4 are expected (5 with the v2.7 truncation character)",
                position)
        }
        if let reason = EncodingCharacters.problem(field: field, msh2: msh2) {
            throw .invalidEncodingCharacters(reason: reason, position)
        }
        let delimiters = EncodingCharacters(
            uncheckedField: field, component: msh2[0], repetition: msh2[1], escape: msh2[2], subcomponent: msh2[3],
            truncation: msh2.count == 5 ? msh2[4] : nil)
        return (delimiters, headerEnd)
    }

    /// The offset of the first CR or LF from `start` on, or the input's end; eight bytes at a time, as the header
    /// runs to a hundred bytes and more and every message starts with it.
    private static func firstLineEnd(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = bytes.baseAddress else { return start }
        let count = bytes.count
        let scanner = ByteScanner(ASCII.carriageReturn, ASCII.lineFeed)
        var cursor = start
        while cursor &+ 8 <= count {
            let (returns, feeds) = scanner.separateMatches(in: ByteScanner.word(at: base + cursor))
            let ends = returns | feeds
            if ends != 0 { return cursor &+ ends.trailingZeroBitCount &>> 3 }
            cursor &+= 8
        }
        while cursor < count, base[cursor] != ASCII.carriageReturn, base[cursor] != ASCII.lineFeed {
            cursor += 1
        }
        return cursor
    }

    /// Whether the header starts `MSH|^~\&` followed by a field separator or the line's end: nearly every
    /// message, and then the general checks (which build an array) can be skipped.
    private static func isStandardHeader(_ bytes: UnsafeBufferPointer<UInt8>, headerEnd: Int) -> Bool {
        let standard = EncodingCharacters.standard
        return bytes[3] == standard.field && bytes[4] == standard.component && bytes[5] == standard.repetition
            && bytes[6] == standard.escape && bytes[7] == standard.subcomponent
            && (headerEnd == 8 || bytes[8] == standard.field)
    }

    /// The byte that ends segments in this message, decided by how the MSH segment ends (see ``Message``).
    private static func segmentEnd(in bytes: UnsafeBufferPointer<UInt8>, headerEnd end: Int) -> UInt8 {
        guard end < bytes.count else { return ASCII.carriageReturn }
        let isLoneCarriageReturn =
            bytes[end] == ASCII.carriageReturn && (end + 1 == bytes.count || bytes[end + 1] != ASCII.lineFeed)
        return isLoneCarriageReturn ? ASCII.carriageReturn : ASCII.lineFeed
    }
}
