/// Reading segments and values by ID and ``FieldPath``.
extension Message {
    /// All segments in order.
    public var segments: [Segment] {
        index.segments.indices.map { Segment(message: self, index: $0) }
    }

    /// The segment IDs in order: `segments.map(\.id)` without a ``Segment`` made for each.
    public var segmentIDs: [String] {
        index.segments.map { SegmentEntry.id($0.code) }
    }

    /// The segment IDs in order as ``SegmentCode``s, for matching a message's segments against a list.
    public var segmentCodes: [SegmentCode] {
        index.segments.map { SegmentCode(rawValue: $0.code) }
    }

    /// The segments with this ID, in order.
    public func segments(_ id: String) -> [Segment] {
        guard let code = SegmentEntry.code(id) else { return [] }
        return index.segments.indices.filter { index.segments[$0].code == code }.map {
            Segment(message: self, index: $0)
        }
    }

    /// The `occurrence`-th (1-based) segment with this ID, or nil.
    public func segment(_ id: String, occurrence: Int = 1) -> Segment? {
        segmentIndex(code: SegmentEntry.code(id), occurrence: occurrence).map { Segment(message: self, index: $0) }
    }

    /// The index of the `occurrence`-th segment with this code, or nil; what ``segment(_:occurrence:)`` finds,
    /// without a ``Segment`` (which holds a copy of the message) made on the way.
    func segmentIndex(code: UInt32?, occurrence: Int) -> Int? {
        guard let code, occurrence >= 1 else { return nil }
        var remaining = occurrence
        for (position, entry) in index.segments.enumerated() where entry.code == code {
            remaining -= 1
            if remaining == 0 { return position }
        }
        return nil
    }

    /// The element a path names: a repetition when the path stops at the field (`PID-3` is `PID-3[1]`), a
    /// component or a subcomponent. Nil when the message does not reach that far.
    public func element(at path: FieldPath) -> MessageElement? {
        locate(path).map { MessageElement(message: self, level: $0.level, byteRange: $0.range, isLiteral: $0.isLiteral) }
    }

    /// Where the element a path names lies (see ``element(at:)``), found on byte ranges alone: no element is
    /// made on the way, as the checks run this for every required field of every message.
    func locate(_ path: FieldPath) -> (range: Range<Int>, level: MessageElement.Level, isLiteral: Bool)? {
        guard path.field >= 1, let segment = segmentIndex(code: path.segmentCode, occurrence: path.segmentOccurrence),
            let field = index.fieldRange(segment: segment, number: path.field)
        else { return nil }
        guard !index.isLiteralField(segment: segment, number: path.field) else {
            let isWholeField = path.repetition == 1 && path.component == nil
            return isWholeField ? (field, .repetition, true) : nil
        }
        let delimiters = encodingCharacters
        guard path.repetition >= 1,
            let repetition = index.piece(path.repetition, of: field, separatedBy: delimiters.repetition, in: bytes)
        else { return nil }
        guard let componentNumber = path.component else { return (repetition, .repetition, false) }
        guard componentNumber >= 1,
            let component = index.piece(componentNumber, of: repetition, separatedBy: delimiters.component, in: bytes)
        else { return nil }
        guard let subcomponentNumber = path.subcomponent else { return (component, .component, false) }
        guard subcomponentNumber >= 1,
            let subcomponent = index.piece(
                subcomponentNumber, of: component, separatedBy: delimiters.subcomponent, in: bytes)
        else { return nil }
        return (subcomponent, .subcomponent, false)
    }

    /// The decoded text at a path (see ``MessageElement/text``): nil when the message does not reach that
    /// far, `""` when the place exists but is empty.
    public func value(at path: FieldPath) -> String? {
        element(at: path)?.text
    }

    /// The bytes at a path as they stand in the message, without copying.
    public func rawValue(at path: FieldPath) -> ArraySlice<UInt8>? {
        locate(path).map { bytes[$0.range] }
    }

    /// Whether the element a path names is missing or holds no bytes: a required field's test, on ranges only.
    public func isEmpty(at path: FieldPath) -> Bool {
        locate(path)?.range.isEmpty ?? true
    }

    /// All repetitions of the field a path names (its repetition and component parts are ignored).
    public func repetitions(at path: FieldPath) -> [MessageElement] {
        segment(path.segmentID, occurrence: path.segmentOccurrence)?.field(path.field)?.children ?? []
    }

    /// The decoded components of the repetition a path names, e.g. `["Andersson", "Åsa"]` for `PID-5`.
    public func components(at path: FieldPath) -> [String]? {
        var repetitionPath = path
        repetitionPath.component = nil
        repetitionPath.subcomponent = nil
        return element(at: repetitionPath)?.children.map(\.text)
    }

    /// The decoded text of `range`, or nil when it is empty: HL7 does not tell an empty value from a missing one.
    func nonEmptyText(_ range: Range<Int>) -> String? {
        range.isEmpty ? nil : decodedText(range)
    }

    /// Decodes a leaf value: escapes first, then the character set, so `\Xhh\` bytes are read in the
    /// message's set. Values without an escape character are decoded straight from the message bytes.
    func decodedText(_ range: Range<Int>) -> String {
        bytes.withUnsafeBufferPointer { buffer in
            let value = UnsafeBufferPointer(rebasing: buffer[range])
            guard value.contains(encodingCharacters.escape) else {
                return characterSet.decode(value)
            }
            var unescaped: [UInt8] = []
            unescaped.reserveCapacity(range.count)
            EscapeDecoder(delimiters: encodingCharacters).decode(buffer, range: range, into: &unescaped)
            return unescaped.withUnsafeBufferPointer { characterSet.decode($0) }
        }
    }
}
