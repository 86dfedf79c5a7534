/// The content of one field for ``MessageBuilder``: text that the builder escapes, or raw bytes it copies.
///
/// Text is given as repetitions of components of subcomponents; the helpers cover the usual shapes:
/// `"AA"` (a string literal), `.components(["ACK", "A08", "ACK"])`, `.composite([["", "1.2.752.129.2.1.3.1",
/// "ISO"]])` for subcomponents, `.repeating([...])`.
public struct FieldValue: Sendable, Hashable, ExpressibleByStringLiteral {
    /// One repetition of the field.
    enum Repetition: Sendable, Hashable {
        /// components → subcomponents, unescaped
        case text([[String]])
        /// already encoded with the builder's delimiters and character set
        case raw([UInt8])
    }

    let repetitions: [Repetition]

    /// An empty field.
    public static let empty = FieldValue.text("")

    /// One plain value.
    public static func text(_ value: String) -> FieldValue {
        FieldValue(repetitions: [.text([[value]])])
    }

    /// One repetition made of components.
    public static func components(_ components: [String]) -> FieldValue {
        FieldValue(repetitions: [.text(components.map { [$0] })])
    }

    /// One repetition made of components that have subcomponents.
    public static func composite(_ components: [[String]]) -> FieldValue {
        FieldValue(repetitions: [.text(components)])
    }

    /// The repetitions of several values, in order: `.repeating([personnummer, localID])`.
    public static func repeating(_ values: [FieldValue]) -> FieldValue {
        FieldValue(repetitions: values.flatMap(\.repetitions))
    }

    /// Bytes written as they are, e.g. a field taken from a parsed message with the same delimiters and
    /// character set (``MessageElement/raw``). The caller is responsible for their escaping.
    public static func raw(_ bytes: some Sequence<UInt8>) -> FieldValue {
        FieldValue(repetitions: [.raw(Array(bytes))])
    }

    public init(stringLiteral value: String) {
        self = .text(value)
    }

    init(repetitions: [Repetition]) {
        self.repetitions = repetitions
    }
}
