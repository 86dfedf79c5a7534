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
    /// message's delimiters. Works on ranges, without intermediate elements, as it runs once per message in
    /// bulk checks.
    init(message: Message, range: Range<Int>) {
        self.init(id: "")
        let delimiters = message.encodingCharacters
        var number = 0
        message.index.forEachPiece(of: range, separatedBy: delimiters.component, in: message.bytes) { piece in
            number += 1
            switch number {
            case 1: id = message.decodedText(piece)
            case 2: checkDigit = message.nonEmptyText(piece)
            case 3: checkDigitScheme = message.nonEmptyText(piece)
            case 4:
                assigningAuthority = HierarchicDesignator(
                    message: message, range: piece, separatedBy: delimiters.subcomponent)
            default: identifierTypeCode = message.nonEmptyText(piece)
            }
            return number < 5
        }
    }
}

extension Message {
    /// Every non-empty repetition of the field a path names, read as CX: `compositeIDs(at: "MRG-1")`.
    public func compositeIDs(at path: FieldPath) -> [ExtendedCompositeID] {
        guard let segment = segment(path.segmentID, occurrence: path.segmentOccurrence)?.index,
            !index.isLiteralField(segment: segment, number: path.field),
            let field = index.fieldRange(segment: segment, number: path.field)
        else { return [] }
        var identifiers: [ExtendedCompositeID] = []
        index.forEachPiece(of: field, separatedBy: encodingCharacters.repetition, in: bytes) { piece in
            if !piece.isEmpty {
                identifiers.append(ExtendedCompositeID(message: self, range: piece))
            }
            return true
        }
        return identifiers
    }

    /// PID-3 (patient identifier list) of the first PID segment, one entry per non-empty repetition.
    public var patientIdentifiers: [ExtendedCompositeID] {
        compositeIDs(at: FieldPath(segmentID: "PID", field: 3))
    }
}
