/// The address of a value in a message, written the way HL7 people write it: `PID-3[2].4.2`.
///
/// Grammar: `SEG[occurrence]-field[repetition].component.subcomponent`, where everything after the field
/// number is optional. The segment occurrence and the repetition default to 1 (the first), so `PID-3` means
/// the first repetition of PID-3 and `OBX[2]-5` the fifth field of the second OBX. All numbers are 1-based.
/// MSH follows HL7 numbering: `MSH-1` is the field separator and `MSH-2` the encoding characters.
public struct FieldPath: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringLiteral {
    public var segmentID: String {
        didSet { segmentCode = SegmentEntry.code(segmentID) }
    }
    /// ``segmentID`` as the index's code, kept beside it so that every lookup by path compares integers without
    /// reading the string again (the profile checks look up paths for every message); nil when the ID is not three
    /// bytes long, which no segment's is.
    private(set) var segmentCode: UInt32?
    public var segmentOccurrence: Int
    public var field: Int
    public var repetition: Int
    public var component: Int?
    /// Only meaningful together with ``component``.
    public var subcomponent: Int?

    public init(
        segmentID: String, segmentOccurrence: Int = 1, field: Int, repetition: Int = 1, component: Int? = nil,
        subcomponent: Int? = nil
    ) {
        self.segmentID = segmentID
        segmentCode = SegmentEntry.code(segmentID)
        self.segmentOccurrence = segmentOccurrence
        self.field = field
        self.repetition = repetition
        self.component = component
        self.subcomponent = subcomponent
    }

    /// Parses text such as `PID-3[2].4.2`; throws ``HL7Error/invalidFieldPath(_:reason:)`` with the reason.
    public init(parsing text: String) throws(HL7Error) {
        var reader = Reader(bytes: Array(text.utf8))
        func fail(_ reason: String) -> HL7Error { .invalidFieldPath(text, reason: reason) }

        let id = reader.take(while: ASCII.isUpperAlphanumeric)
        guard id.count == 3 else { throw fail("expected a three-character segment ID such as PID") }
        segmentID = String(decoding: id, as: UTF8.self)
        segmentCode = SegmentEntry.code(segmentID)
        segmentOccurrence = 1
        if reader.skip("[") {
            guard let occurrence = reader.number(), reader.skip("]") else {
                throw fail("expected a segment occurrence such as [2]")
            }
            segmentOccurrence = occurrence
        }
        guard reader.skip("-"), let field = reader.number() else { throw fail("expected - and a field number") }
        self.field = field
        repetition = 1
        if reader.skip("[") {
            guard let repetition = reader.number(), reader.skip("]") else {
                throw fail("expected a repetition such as [2]")
            }
            self.repetition = repetition
        }
        if reader.skip(".") {
            guard let component = reader.number() else { throw fail("expected a component number after .") }
            self.component = component
            if reader.skip(".") {
                guard let subcomponent = reader.number() else {
                    throw fail("expected a subcomponent number after .")
                }
                self.subcomponent = subcomponent
            }
        }
        guard reader.isAtEnd else { throw fail("unexpected text after the path") }
        let numbers = [segmentOccurrence, self.field, repetition, component ?? 1, subcomponent ?? 1]
        guard numbers.allSatisfy({ $0 >= 1 }) else { throw fail("numbers start at 1") }
    }

    /// A path literal in code, e.g. `message.value(at: "PID-5.1")`.
    /// A malformed literal is a programming error and traps; parse text from outside with ``init(parsing:)``.
    public init(stringLiteral value: String) {
        do {
            try self.init(parsing: value)
        } catch {
            preconditionFailure(error.description)
        }
    }

    /// The canonical spelling, leaving out an occurrence or repetition of 1: `PID-3[2].4.2`, `OBX[2]-5`.
    public var description: String {
        var text = segmentID
        if segmentOccurrence != 1 { text += "[\(segmentOccurrence)]" }
        text += "-\(field)"
        if repetition != 1 { text += "[\(repetition)]" }
        if let component {
            text += ".\(component)"
            if let subcomponent { text += ".\(subcomponent)" }
        }
        return text
    }

    /// A cursor over the path's bytes.
    private struct Reader {
        let bytes: [UInt8]
        var index = 0

        var isAtEnd: Bool { index == bytes.count }

        mutating func take(while predicate: (UInt8) -> Bool) -> ArraySlice<UInt8> {
            let start = index
            while index < bytes.count && predicate(bytes[index]) { index += 1 }
            return bytes[start..<index]
        }

        mutating func skip(_ character: Unicode.Scalar) -> Bool {
            guard index < bytes.count, bytes[index] == UInt8(ascii: character) else { return false }
            index += 1
            return true
        }

        /// A decimal number of at most 9 digits, so that it cannot overflow.
        mutating func number() -> Int? {
            let digits = take(while: { (0x30...0x39).contains($0) })
            guard (1...9).contains(digits.count) else { return nil }
            return digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
        }
    }
}
