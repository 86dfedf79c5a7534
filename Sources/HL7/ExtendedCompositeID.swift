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
        self.init(
            id: message.text(ranges.id), checkDigit: ranges.checkDigit.flatMap(message.nonEmptyText),
            checkDigitScheme: ranges.checkDigitScheme.flatMap(message.nonEmptyText),
            assigningAuthority: ranges.assigningAuthority.map { HierarchicDesignator(message: message, ranges: $0) },
            identifierTypeCode: ranges.identifierTypeCode.flatMap(message.nonEmptyText))
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

    /// Splits the CX in `range` with the message's delimiters, components first, then CX.4's subcomponents.
    init(message: Message, range: Range<Int>) {
        let delimiters = message.encodingCharacters
        id = range.lowerBound..<range.lowerBound
        var number = 0
        var authority: Range<Int>?
        message.index.forEachPiece(of: range, separatedBy: delimiters.component, in: message.bytes) { piece in
            number += 1
            switch number {
            case 1: id = piece
            case 2: checkDigit = piece
            case 3: checkDigitScheme = piece
            case 4: authority = piece
            default: identifierTypeCode = piece
            }
            return number < 5
        }
        assigningAuthority = authority.flatMap {
            DesignatorRanges(message: message, range: $0, separatedBy: delimiters.subcomponent)
        }
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
        guard !range.isEmpty else { return nil }
        var number = 0
        message.index.forEachPiece(of: range, separatedBy: separator, in: message.bytes) { piece in
            number += 1
            switch number {
            case 1: namespaceID = piece
            case 2: universalID = piece
            default: universalIDType = piece
            }
            return number < 3
        }
    }
}

extension Message {
    /// Every non-empty repetition of the field a path names, read as CX: `compositeIDs(at: "MRG-1")`.
    public func compositeIDs(at path: FieldPath) -> [ExtendedCompositeID] {
        compositeIDRanges(at: path).map { ExtendedCompositeID(message: self, ranges: $0) }
    }

    /// The same CXs borrowed (``CompositeIDRanges``): no string made.
    public func compositeIDRanges(at path: FieldPath) -> [CompositeIDRanges] {
        guard let segment = segment(path.segmentID, occurrence: path.segmentOccurrence)?.index,
            !index.isLiteralField(segment: segment, number: path.field),
            let field = index.fieldRange(segment: segment, number: path.field)
        else { return [] }
        var identifiers: [CompositeIDRanges] = []
        index.forEachPiece(of: field, separatedBy: encodingCharacters.repetition, in: bytes) { piece in
            if !piece.isEmpty {
                identifiers.append(CompositeIDRanges(message: self, range: piece))
            }
            return true
        }
        return identifiers
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
    public func withRawBytes<Result>(
        _ range: Range<Int>, _ body: (_ bytes: UnsafeBufferPointer<UInt8>, _ hasEscape: Bool) throws -> Result
    ) rethrows -> Result {
        try bytes.withUnsafeBufferPointer { buffer in
            let value = UnsafeBufferPointer(rebasing: buffer[range])
            return try body(value, value.contains(encodingCharacters.escape))
        }
    }
}
