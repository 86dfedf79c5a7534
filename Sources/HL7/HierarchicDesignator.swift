/// HL7 data type HD: who or what an identifier or application belongs to.
///
/// In Swedish PID-3 the assigning authority is usually given by OID only (`&1.2.752.129.2.1.3.1&ISO`), but
/// some senders put the OID in the namespace ID instead (reference §4.3), so all three parts are kept.
public struct HierarchicDesignator: Sendable, Hashable {
    /// HD.1, a local name such as `RIS`; nil when empty.
    public var namespaceID: String?
    /// HD.2, usually an OID such as `1.2.752.129.2.1.3.1`; nil when empty.
    public var universalID: String?
    /// HD.3, the kind of ``universalID``, usually `ISO`; nil when empty.
    public var universalIDType: String?

    public init(namespaceID: String? = nil, universalID: String? = nil, universalIDType: String? = nil) {
        self.namespaceID = namespaceID
        self.universalID = universalID
        self.universalIDType = universalIDType
    }

    /// Reads the parts of an element: the components of a field repetition (MSH-3) or the subcomponents of
    /// a component (CX.4). Nil when the element is empty.
    init?(_ element: MessageElement) {
        guard let separator = element.separator else { return nil }
        self.init(message: element.message, range: element.byteRange, separatedBy: separator)
    }

    /// Reads the parts of `range` split at `separator`; nil when the range is empty.
    init?(message: Message, range: Range<Int>, separatedBy separator: UInt8) {
        guard let ranges = DesignatorRanges(message: message, range: range, separatedBy: separator) else { return nil }
        self.init(message: message, ranges: ranges)
    }

    /// Makes the strings of a borrowed HD.
    public init(message: Message, ranges: DesignatorRanges) {
        self.init()
        if let range = ranges.namespaceID { namespaceID = message.nonEmptyText(range) }
        if let range = ranges.universalID { universalID = message.nonEmptyText(range) }
        if let range = ranges.universalIDType { universalIDType = message.nonEmptyText(range) }
    }
}
