/// A message in the two languages the product speaks: Swedish (the default) and English.
///
/// Every refusal, validation error and warning that reaches a person carries one, so the
/// pages, the API and the command line can show the same rule in either language.
///
/// A text is either worded when made (``init(sv:en:)``) or worded when read (``init(deferred:)``): the HL7 checks
/// make several findings for every message of a session, and most of their sentences are stored or sent long
/// after, if at all, so building two interpolated strings per finding up front was a large part of the check's
/// cost (BENCHMARKS.md, HL7). Both kinds read, compare, hash and encode the same: by their words.
public struct LocalizedText: Sendable, Hashable, Codable {
    private let storage: Storage

    private enum Storage: Sendable {
        case worded(sv: String, en: String)
        case deferred(any LocalizedTextSource)
    }

    public init(sv: String, en: String) {
        storage = .worded(sv: sv, en: en)
    }

    /// A text that `source` words each time it is read. The source must word the same text every time (hold
    /// values, not references to anything that changes).
    public init(deferred source: some LocalizedTextSource) {
        storage = .deferred(source)
    }

    public var sv: String { text(in: .sv) }
    public var en: String { text(in: .en) }

    /// The text in the requested language; anything but English gets Swedish.
    public func text(in language: Language) -> String {
        switch storage {
        case .worded(let sv, let en): language == .en ? en : sv
        case .deferred(let source): source.text(in: language == .en ? .en : .sv)
        }
    }

    public static func == (lhs: LocalizedText, rhs: LocalizedText) -> Bool {
        lhs.sv == rhs.sv && lhs.en == rhs.en
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(sv)
        hasher.combine(en)
    }

    private enum CodingKeys: String, CodingKey { case sv, en }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(sv: try c.decode(String.self, forKey: .sv), en: try c.decode(String.self, forKey: .en))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(sv, forKey: .sv)
        try c.encode(en, forKey: .en)
    }
}

extension LocalizedText {
    /// `parts` one after another, for a ``LocalizedTextSource`` to word a sentence with: the bytes are copied into
    /// one buffer of the exact size and read as UTF-8 once, where an interpolation grows its buffer part by part and
    /// a `joined` makes a string of its own. About a tenth faster per sentence; it matters because a deferred text is
    /// worded on every read (an HL7 finding's two sentences are read for the ACK and again when stored).
    @inlinable
    public static func sentence(_ parts: String...) -> String {
        var count = 0
        for part in parts { count += part.utf8.count }
        return String(unsafeUninitializedCapacity: count) { buffer in
            var offset = 0
            for var part in parts {
                part.withUTF8 { bytes in
                    if let source = bytes.baseAddress, let target = buffer.baseAddress {
                        (target + offset).initialize(from: source, count: bytes.count)
                    }
                    offset += bytes.count
                }
            }
            return offset
        }
    }
}

/// Words a ``LocalizedText`` when it is read (``LocalizedText/init(deferred:)``). A conforming type holds the
/// values its sentences need; one of at most three words (24 bytes) is kept inside the text without an
/// allocation.
public protocol LocalizedTextSource: Sendable {
    /// The text in `language` (`.sv` or `.en`).
    func text(in language: Language) -> String
}

/// The languages of the user interface.
public enum Language: String, Sendable, Hashable, Codable, CaseIterable {
    case sv
    case en
}
