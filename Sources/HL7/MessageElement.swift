/// A field, one repetition of it, a component or a subcomponent: a range of the message's bytes that
/// knows how to split itself further and decode itself.
///
/// Elements are views: they hold the message (which shares its storage) and a byte range, never a copy.
public struct MessageElement: Sendable {
    /// How deep in the field hierarchy an element is; its ``MessageElement/children`` are one level down.
    public enum Level: Sendable, Hashable {
        case field, repetition, component, subcomponent
    }

    let message: Message
    public let level: Level
    /// The element's bytes within ``Message/bytes``, delimiters of deeper levels included.
    public let byteRange: Range<Int>
    /// MSH-1 and MSH-2 hold delimiters, not data: they are neither split nor unescaped.
    let isLiteral: Bool

    /// The bytes as they stand in the message (escapes not decoded).
    public var raw: ArraySlice<UInt8> {
        message.bytes[byteRange]
    }

    /// Whether the element holds no bytes at all. HL7's explicit null `""` is not empty.
    public var isEmpty: Bool {
        byteRange.isEmpty
    }

    /// The decoded text: escapes resolved (see ``EscapeDecoder``) and bytes decoded in the message's
    /// character set. Delimiters of deeper levels stay in the text, so `PID-5` gives `Andersson^Åsa`;
    /// ask for `PID-5.1` to get one component.
    public var text: String {
        isLiteral ? String(decoding: raw, as: UTF8.self) : message.decodedText(byteRange)
    }

    /// The elements one level down: repetitions of a field, components of a repetition, subcomponents of a
    /// component. A subcomponent, MSH-1 and MSH-2 have none. An empty element has one empty child.
    public var children: [MessageElement] {
        guard let childLevel, let separator else { return [] }
        return message.index.pieces(of: byteRange, separatedBy: separator, in: message.bytes).map {
            MessageElement(message: message, level: childLevel, byteRange: $0, isLiteral: false)
        }
    }

    /// The 1-based `number`-th child, or nil when there are fewer.
    public func child(_ number: Int) -> MessageElement? {
        guard number >= 1, let childLevel, let separator,
            let range = message.index.piece(number, of: byteRange, separatedBy: separator, in: message.bytes)
        else { return nil }
        return MessageElement(message: message, level: childLevel, byteRange: range, isLiteral: false)
    }

    private var childLevel: Level? {
        guard !isLiteral else { return nil }
        return switch level {
        case .field: .repetition
        case .repetition: .component
        case .component: .subcomponent
        case .subcomponent: nil
        }
    }

    /// The delimiter between this element's children.
    var separator: UInt8? {
        let delimiters = message.encodingCharacters
        return switch level {
        case .field: delimiters.repetition
        case .repetition: delimiters.component
        case .component: delimiters.subcomponent
        case .subcomponent: nil
        }
    }
}
