/// Checks that bytes are one JSON text exactly as RFC 8259 writes it, before a decoder sees them: Foundation's
/// decoder also takes trailing commas, comments and other JSON5 forms, and a body that one reader takes and
/// another refuses (or reads differently, as with a key given twice) has no place at an API's edge.
///
/// It only checks; the decoder still builds the values. Nesting is bounded, so no body can exhaust the stack.
public enum StrictJSON {
    public static let maximumDepth = 64

    /// Where and why a body is not strict JSON.
    public struct SyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
        /// The offset of the offending byte, from 0.
        public let offset: Int
        public let reason: String
        public var description: String { "\(reason) at byte \(offset)" }
    }

    public static func validate(_ bytes: some Collection<UInt8>) throws(SyntaxError) {
        let array = Array(bytes)
        guard String(validating: array, as: UTF8.self) != nil else {
            throw SyntaxError(offset: 0, reason: "the body is not UTF-8")
        }
        var scanner = Scanner(bytes: array)
        scanner.skipWhitespace()
        try scanner.value(depth: 0)
        scanner.skipWhitespace()
        guard scanner.index == array.count else { throw scanner.error("text after the JSON value") }
    }

    private struct Scanner {
        let bytes: [UInt8]
        var index = 0

        init(bytes: [UInt8]) { self.bytes = bytes }

        func error(_ reason: String) -> SyntaxError { SyntaxError(offset: index, reason: reason) }

        var current: UInt8? { index < bytes.count ? bytes[index] : nil }

        mutating func skipWhitespace() {
            while let byte = current, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { index += 1 }
        }

        mutating func expect(_ byte: UInt8, _ what: String) throws(SyntaxError) {
            guard current == byte else { throw error("expected \(what)") }
            index += 1
        }

        mutating func value(depth: Int) throws(SyntaxError) {
            guard depth < StrictJSON.maximumDepth else { throw error("nested deeper than \(StrictJSON.maximumDepth)") }
            guard let byte = current else { throw error("unexpected end of the body") }
            switch byte {
            case UInt8(ascii: "{"): try object(depth: depth)
            case UInt8(ascii: "["): try array(depth: depth)
            case UInt8(ascii: "\""): _ = try string()
            case UInt8(ascii: "t"): try literal("true")
            case UInt8(ascii: "f"): try literal("false")
            case UInt8(ascii: "n"): try literal("null")
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
            default: throw error("expected a JSON value")
            }
        }

        mutating func object(depth: Int) throws(SyntaxError) {
            var keys: Set<ArraySlice<UInt8>> = []
            try elements(closedBy: UInt8(ascii: "}")) { (scanner: inout Scanner) throws(SyntaxError) in
                let keyStart = scanner.index
                guard scanner.current == UInt8(ascii: "\"") else { throw scanner.error("expected a member name in quotes") }
                guard keys.insert(try scanner.string()).inserted else {
                    throw SyntaxError(offset: keyStart, reason: "member name given twice")
                }
                scanner.skipWhitespace()
                try scanner.expect(UInt8(ascii: ":"), "':'")
                scanner.skipWhitespace()
                try scanner.value(depth: depth + 1)
            }
        }

        mutating func array(depth: Int) throws(SyntaxError) {
            try elements(closedBy: UInt8(ascii: "]")) { (scanner: inout Scanner) throws(SyntaxError) in
                try scanner.value(depth: depth + 1)
            }
        }

        /// From an opening bracket: `element`s separated by commas up to `close`, or none; no trailing comma.
        mutating func elements(
            closedBy close: UInt8, _ element: (inout Scanner) throws(SyntaxError) -> Void
        ) throws(SyntaxError) {
            index += 1
            skipWhitespace()
            if current == close { index += 1; return }
            while true {
                try element(&self)
                skipWhitespace()
                guard current == UInt8(ascii: ",") else { break }
                index += 1
                skipWhitespace()
            }
            try expect(close, "',' or '\(Character(Unicode.Scalar(close)))'")
        }

        /// A string, from its opening quote; returns its raw bytes between the quotes.
        mutating func string() throws(SyntaxError) -> ArraySlice<UInt8> {
            index += 1
            let start = index
            while let byte = current {
                switch byte {
                case UInt8(ascii: "\""):
                    index += 1
                    return bytes[start..<(index - 1)]
                case UInt8(ascii: "\\"):
                    index += 1
                    switch current {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                        UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                        index += 1
                    case UInt8(ascii: "u"):
                        index += 1
                        let unit = try hexQuad()
                        // UTF-16 escapes come in whole characters: a high surrogate, then its low one.
                        if (0xD800...0xDBFF).contains(unit) {
                            guard current == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u")
                            else { throw error("unpaired surrogate escape") }
                            index += 2
                            guard (0xDC00...0xDFFF).contains(try hexQuad()) else { throw error("unpaired surrogate escape") }
                        } else if (0xDC00...0xDFFF).contains(unit) {
                            throw error("unpaired surrogate escape")
                        }
                    default: throw error("unknown escape")
                    }
                case 0x00..<0x20: throw error("control character in a string")
                default: index += 1
                }
            }
            throw error("unterminated string")
        }

        mutating func number() throws(SyntaxError) {
            let start = index
            try numberSyntax()
            // A number no reader can hold (1E+900) is refused here, not turned into infinity later.
            let text = String(decoding: bytes[start..<index], as: UTF8.self)
            guard let value = Double(text), value.isFinite else {
                throw SyntaxError(offset: start, reason: "number out of range")
            }
        }

        mutating func numberSyntax() throws(SyntaxError) {
            if current == UInt8(ascii: "-") { index += 1 }
            if current == UInt8(ascii: "0") {
                index += 1
            } else {
                guard digits() else { throw error("expected a digit") }
            }
            if current == UInt8(ascii: ".") {
                index += 1
                guard digits() else { throw error("expected a digit after '.'") }
            }
            if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
                index += 1
                if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
                guard digits() else { throw error("expected a digit in the exponent") }
            }
        }

        /// The four hex digits after `\\u`, as their value.
        mutating func hexQuad() throws(SyntaxError) -> UInt16 {
            var value: UInt16 = 0
            for _ in 0..<4 {
                guard let digit = current, let nibble = hexValue(digit) else { throw error("expected 4 hex digits after \\u") }
                value = value << 4 | UInt16(nibble)
                index += 1
            }
            return value
        }

        /// Skips a run of digits; whether there was one.
        mutating func digits() -> Bool {
            let start = index
            while let byte = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { index += 1 }
            return index > start
        }

        mutating func literal(_ word: StaticString) throws(SyntaxError) {
            let text = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
            guard bytes.count - index >= text.count, bytes[index..<(index + text.count)].elementsEqual(text) else {
                throw error("expected \(word)")
            }
            index += text.count
        }

        func hexValue(_ byte: UInt8) -> UInt8? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
            default: nil
            }
        }
    }
}
