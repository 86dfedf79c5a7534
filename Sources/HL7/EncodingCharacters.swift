/// The delimiters a message declares in MSH-1 (field separator) and MSH-2 (component, repetition, escape,
/// subcomponent and, from v2.7, truncation).
///
/// HL7 lets every message choose its own delimiters, so nothing in this module assumes `|^~\&`: the parser
/// reads them from the header and every accessor, escape and encoder uses the message's own set.
public struct EncodingCharacters: Sendable, Hashable {
    public let field: UInt8
    public let component: UInt8
    public let repetition: UInt8
    public let escape: UInt8
    public let subcomponent: UInt8
    /// The v2.7 truncation character (a fifth MSH-2 character, usually `#`); nil for v2.3–v2.5.1 messages.
    /// It is only carried so that the header can be written back; this codec does not interpret it.
    public let truncation: UInt8?

    /// `|^~\&`, the set nearly every sender uses.
    public static let standard = EncodingCharacters(
        uncheckedField: UInt8(ascii: "|"), component: UInt8(ascii: "^"), repetition: UInt8(ascii: "~"),
        escape: UInt8(ascii: "\\"), subcomponent: UInt8(ascii: "&"), truncation: nil)

    /// Creates a set after checking that the delimiters can work together (see ``problem(field:msh2:)``).
    public init(
        field: UInt8, component: UInt8, repetition: UInt8, escape: UInt8, subcomponent: UInt8,
        truncation: UInt8? = nil
    ) throws(HL7Error) {
        let msh2 = [component, repetition, escape, subcomponent] + (truncation.map { [$0] } ?? [])
        if let reason = Self.problem(field: field, msh2: msh2) {
            throw .invalidEncodingCharacters(reason: reason, Position(byteOffset: 0))
        }
        self.init(
            uncheckedField: field, component: component, repetition: repetition, escape: escape,
            subcomponent: subcomponent, truncation: truncation)
    }

    init(
        uncheckedField field: UInt8, component: UInt8, repetition: UInt8, escape: UInt8, subcomponent: UInt8,
        truncation: UInt8?
    ) {
        self.field = field
        self.component = component
        self.repetition = repetition
        self.escape = escape
        self.subcomponent = subcomponent
        self.truncation = truncation
    }

    /// MSH-2 as written in a header: component, repetition, escape, subcomponent (, truncation).
    public var msh2Bytes: [UInt8] {
        [component, repetition, escape, subcomponent] + (truncation.map { [$0] } ?? [])
    }

    /// Why a field separator and MSH-2 characters cannot be used, or nil when they can.
    ///
    /// Rules: every delimiter is printable ASCII punctuation (no letters, digits, space, control bytes or
    /// bytes above 0x7E, so that segment IDs, text and line ends stay unambiguous) and all are distinct.
    static func problem(field: UInt8, msh2: [UInt8]) -> String? {
        let all = [field] + msh2
        for byte in all where !isAllowedDelimiter(byte) {
            return "\(describe(byte)) cannot be a delimiter"
        }
        for (index, byte) in all.enumerated() where all[..<index].contains(byte) {
            return "\(describe(byte)) is used for two delimiters"
        }
        return nil
    }

    private static func isAllowedDelimiter(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E: true
        default: false
        }
    }

    private static func describe(_ byte: UInt8) -> String {
        (0x21...0x7E).contains(byte)
            ? "\"\(Character(Unicode.Scalar(byte)))\""
            : "byte 0x\(String(byte, radix: 16, uppercase: true))"
    }
}
