/// HL7 data type CX (extended composite ID with check digit): a patient identifier as found in PID-3 or MRG-1.
///
/// For `191212121212^^^&1.2.752.129.2.1.3.1&ISO^PN`: ``id`` is the personnummer, ``assigningAuthority``
/// holds the personnummer OID as universal ID with type `ISO`, and ``identifierTypeCode`` is `PN`.
/// Parts are split with the message's own delimiters.
public struct ExtendedCompositeID: Sendable, Hashable {
    /// CX.1, the identifier itself (may be empty).
    public var id: String
    /// CX.2; nil when empty.
    public var checkDigit: String?
    /// CX.3; nil when empty.
    public var checkDigitScheme: String?
    /// CX.4, the assigning authority; nil when empty.
    public var assigningAuthority: HierarchicDesignator?
    /// CX.5, e.g. `PN`, `PI`, `NNSWE`; nil when empty.
    public var identifierTypeCode: String?

    public init(
        id: String, checkDigit: String? = nil, checkDigitScheme: String? = nil,
        assigningAuthority: HierarchicDesignator? = nil, identifierTypeCode: String? = nil
    ) {
        self.id = id
        self.checkDigit = checkDigit
        self.checkDigitScheme = checkDigitScheme
        self.assigningAuthority = assigningAuthority
        self.identifierTypeCode = identifierTypeCode
    }

    /// Reads a CX from one field repetition (e.g. an element from ``Message/repetitions(at:)``).
    public init(_ repetition: MessageElement) {
        self.init(message: repetition.message, range: repetition.byteRange)
    }

    /// Reads the CX in `range` of a message, splitting components and CX.4's subcomponents with the
    /// message's delimiters.
    init(message: Message, range: Range<Int>) {
        self.init(message: message, ranges: CompositeIDRanges(message: message, range: range))
    }

    /// Makes the strings of a borrowed CX.
    public init(message: Message, ranges: CompositeIDRanges) {
        self.init(id: message.text(ranges.id))
        if let range = ranges.checkDigit { checkDigit = message.nonEmptyText(range) }
        if let range = ranges.checkDigitScheme { checkDigitScheme = message.nonEmptyText(range) }
        if let authority = ranges.assigningAuthority {
            assigningAuthority = HierarchicDesignator(message: message, ranges: authority)
        }
        if let range = ranges.identifierTypeCode { identifierTypeCode = message.nonEmptyText(range) }
    }
}

/// A CX borrowed from its message: where each part lies, with no string made until one is asked for
/// (``Message/text(_:)``, ``ExtendedCompositeID/init(message:ranges:)``).
///
/// This is the form for bulk checks, which run over PID-3 and MRG-1 of every message and mostly need to compare a
/// value with a few known ones (an OID with the Swedish identifier OIDs) rather than keep it: an OID is longer than
/// a small string, so each one made as a `String` costs an allocation. A part is nil when the CX has fewer parts;
/// a part that is present may be empty.
public struct CompositeIDRanges: Sendable, Hashable {
    /// CX.1, always present (possibly empty).
    public var id: Range<Int>
    public var checkDigit: Range<Int>?
    public var checkDigitScheme: Range<Int>?
    /// CX.4; nil when it is absent or empty (as ``ExtendedCompositeID/assigningAuthority`` is nil then).
    public var assigningAuthority: DesignatorRanges?
    public var identifierTypeCode: Range<Int>?

    /// Splits the CX in `range` with the message's delimiters, components first, then CX.4's subcomponents: one
    /// pass over the bytes (this runs for every identifier of every message a check reads).
    init(message: Message, range: Range<Int>) {
        let delimiters = message.encodingCharacters
        self = message.bytes.withUnsafeBufferPointer { buffer in
            var ranges = CompositeIDRanges(id: range)
            var authority: Range<Int>?
            var number = 1
            var start = range.lowerBound
            var offset = range.lowerBound
            // A part ends at a component separator or at the range's end; the fifth is the last one read.
            scan: while true {
                let atEnd = offset == range.upperBound
                if atEnd || buffer[offset] == delimiters.component {
                    let piece = start..<offset
                    switch number {
                    case 1: ranges.id = piece
                    case 2: ranges.checkDigit = piece
                    case 3: ranges.checkDigitScheme = piece
                    case 4: authority = piece
                    default: ranges.identifierTypeCode = piece
                    }
                    if atEnd || number == 5 { break scan }
                    number += 1
                    start = offset + 1
                }
                offset += 1
            }
            ranges.assigningAuthority = authority.flatMap {
                DesignatorRanges(buffer, range: $0, separatedBy: delimiters.subcomponent)
            }
            return ranges
        }
    }

    private init(id: Range<Int>) {
        self.id = id
    }
}

/// An HD borrowed from its message, as ``CompositeIDRanges`` holds CX.4: where HD.1, HD.2 and HD.3 lie (nil when
/// absent; a present part may be empty).
public struct DesignatorRanges: Sendable, Hashable {
    public var namespaceID: Range<Int>?
    public var universalID: Range<Int>?
    public var universalIDType: Range<Int>?

    /// The parts of `range` split at `separator`; nil when the range is empty.
    init?(message: Message, range: Range<Int>, separatedBy separator: UInt8) {
        guard let ranges = message.bytes.withUnsafeBufferPointer({ Self($0, range: range, separatedBy: separator) }) else {
            return nil
        }
        self = ranges
    }

    /// The same on the message's buffer: one pass, the third part the last one read.
    init?(_ buffer: UnsafeBufferPointer<UInt8>, range: Range<Int>, separatedBy separator: UInt8) {
        guard !range.isEmpty else { return nil }
        var number = 1
        var start = range.lowerBound
        var offset = range.lowerBound
        scan: while true {
            let atEnd = offset == range.upperBound
            if atEnd || buffer[offset] == separator {
                let piece = start..<offset
                switch number {
                case 1: namespaceID = piece
                case 2: universalID = piece
                default: universalIDType = piece
                }
                if atEnd || number == 3 { break scan }
                number += 1
                start = offset + 1
            }
            offset += 1
        }
    }
}

extension Message {
    /// Every non-empty repetition of the field a path names, read as CX: `compositeIDs(at: "MRG-1")`.
    public func compositeIDs(at path: FieldPath) -> [ExtendedCompositeID] {
        var identifiers: [ExtendedCompositeID] = []
        forEachCompositeID(at: path) { identifiers.append(ExtendedCompositeID(message: self, ranges: $0)) }
        return identifiers
    }

    /// The same CXs borrowed (``CompositeIDRanges``): no string made.
    public func compositeIDRanges(at path: FieldPath) -> [CompositeIDRanges] {
        var identifiers: [CompositeIDRanges] = []
        forEachCompositeID(at: path) { identifiers.append($0) }
        return identifiers
    }

    /// Calls `body` with each CX of ``compositeIDRanges(at:)`` in order, without collecting them: a check that
    /// turns each into a value of its own needs no array of ranges in between.
    public func forEachCompositeID(at path: FieldPath, _ body: (CompositeIDRanges) throws -> Void) rethrows {
        guard let segment = segmentIndex(code: path.segmentCode, occurrence: path.segmentOccurrence),
            !index.isLiteralField(segment: segment, number: path.field),
            let field = index.fieldRange(segment: segment, number: path.field)
        else { return }
        // The pieces are found first (a non-throwing scan), then handed on, so `body` may throw.
        var start = field.lowerBound
        let repetition = encodingCharacters.repetition
        while start <= field.upperBound {
            let end = bytes.withUnsafeBufferPointer { buffer in
                var offset = start
                while offset < field.upperBound, buffer[offset] != repetition { offset += 1 }
                return offset
            }
            if end > start {
                try body(CompositeIDRanges(message: self, range: start..<end))
            }
            start = end + 1
        }
    }

    /// PID-3 (patient identifier list) of the first PID segment, one entry per non-empty repetition.
    public var patientIdentifiers: [ExtendedCompositeID] {
        compositeIDs(at: FieldPath(segmentID: "PID", field: 3))
    }

    /// The decoded text of a range of ``bytes`` (escapes resolved, then the character set), as
    /// ``MessageElement/text`` gives it; for the ranges of ``CompositeIDRanges`` and ``DesignatorRanges``.
    public func text(_ range: Range<Int>) -> String {
        decodedText(range)
    }

    /// Calls `body` with the bytes of `range` as they stand, and whether they hold the escape character (so that
    /// they are the value's decoded text only when they do not and are ASCII).
    @inlinable
    public func withRawBytes<Result>(
        _ range: Range<Int>, _ body: (_ bytes: UnsafeBufferPointer<UInt8>, _ hasEscape: Bool) throws -> Result
    ) rethrows -> Result {
        try bytes.withUnsafeBufferPointer { buffer in
            let value = UnsafeBufferPointer(rebasing: buffer[range])
            return try body(value, value.contains(encodingCharacters.escape))
        }
    }
}
