/// An escape sequence that the decoder could not interpret and therefore kept as literal text.
///
/// Decision: a broken escape never stops a message from being read. Decoding keeps the bytes as they are
/// (a truncated `\F` stays `\F`), and ``Message/escapeIssues()`` lists every such place so that a check can
/// report it. Sequences HL7 defines but this codec does not turn into text — formatting (`\.br\`, `\H\`,
/// `\N\`, `\.sp\` …), character-set switches (`\Cxxyy\`, `\Mxxyyzz\`) and local `\Z…\` — are kept as well,
/// but they are valid and are not issues.
public struct EscapeIssue: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// An escape character with no closing escape character before the end of the value.
        case unterminated
        /// Two escape characters with nothing between them.
        case empty
        /// `\X…\` whose content is not an even, non-zero number of hex digits.
        case invalidHex
        /// A sequence HL7 does not define, such as `\Q\`.
        case unknown
    }

    public var kind: Kind
    /// The sequence as written, including its escape characters (as far as it goes).
    public var sequence: String
    /// Where the opening escape character is.
    public var position: Position

    public var description: String {
        let what =
            switch kind {
            case .unterminated: "unterminated escape sequence"
            case .empty: "empty escape sequence"
            case .invalidHex: "invalid hex escape"
            case .unknown: "unknown escape sequence"
            }
        return "\(position): \(what) \"\(sequence)\" kept as text"
    }
}
