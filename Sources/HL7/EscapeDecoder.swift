/// Turns the escape sequences of HL7 v2.5 chapter 2 (§2.7) back into bytes.
///
/// | sequence | result |
/// |---|---|
/// | `\F\` `\S\` `\T\` `\R\` `\E\` | the message's field, component, subcomponent, repetition, escape character |
/// | `\Xhhhh…\` | the bytes given in hex; they are decoded in the message's character set afterwards |
/// | `\.br\`, `\.sp…\`, `\H\`, `\N\`, other `\.…\` | kept as written (formatting belongs to FT fields) |
/// | `\Cxxyy\`, `\Mxxyyzz\`, `\Z…\` | kept as written |
/// | anything else, broken or unterminated | kept as written and reported as an ``EscapeIssue`` |
///
/// Delimiters cannot occur inside a sequence, so decoding works on one leaf value at a time and a sequence
/// never runs past the end of the range it is given.
struct EscapeDecoder {
    let delimiters: EncodingCharacters

    /// What a sequence stands for once its body (the bytes between the escape characters) is known.
    enum Meaning {
        case byte(UInt8)
        case hex
        case keptAsWritten
        case issue(EscapeIssue.Kind)
    }

    /// Appends the decoded bytes of `range` to `output`; broken sequences are copied as they are
    /// (``findIssues(_:range:report:)`` lists them).
    func decode(_ bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, into output: inout [UInt8]) {
        var index = range.lowerBound
        let end = range.upperBound
        while index < end {
            let byte = bytes[index]
            guard byte == delimiters.escape else {
                output.append(byte)
                index += 1
                continue
            }
            guard let close = nextEscape(in: bytes, from: index + 1, to: end) else {
                output.append(contentsOf: bytes[index..<end])
                return
            }
            let body = (index + 1)..<close
            switch meaning(of: bytes, body: body) {
            case .byte(let value):
                output.append(value)
            case .hex:
                var cursor = body.lowerBound + 1
                while cursor < body.upperBound {
                    let high = ASCII.hexValue(bytes[cursor]) ?? 0  // `meaning` checked that every digit is hex
                    output.append(high << 4 | (ASCII.hexValue(bytes[cursor + 1]) ?? 0))
                    cursor += 2
                }
            case .keptAsWritten, .issue:
                output.append(contentsOf: bytes[index...close])
            }
            index = close + 1
        }
    }

    /// Reports every broken sequence in `range` without building the decoded bytes.
    func findIssues(
        _ bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, report: (EscapeIssue.Kind, Range<Int>) -> Void
    ) {
        var index = range.lowerBound
        while let open = nextEscape(in: bytes, from: index, to: range.upperBound) {
            guard let close = nextEscape(in: bytes, from: open + 1, to: range.upperBound) else {
                report(.unterminated, open..<range.upperBound)
                return
            }
            if case .issue(let kind) = meaning(of: bytes, body: (open + 1)..<close) {
                report(kind, open..<(close + 1))
            }
            index = close + 1
        }
    }

    private func nextEscape(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int? {
        var index = start
        while index < end {
            if bytes[index] == delimiters.escape { return index }
            index += 1
        }
        return nil
    }

    private func meaning(of bytes: UnsafeBufferPointer<UInt8>, body: Range<Int>) -> Meaning {
        guard let first = body.first.map({ bytes[$0] }) else { return .issue(.empty) }
        let rest = bytes[(body.lowerBound + 1)..<body.upperBound]
        if rest.isEmpty {
            switch first {
            case UInt8(ascii: "F"): return .byte(delimiters.field)
            case UInt8(ascii: "S"): return .byte(delimiters.component)
            case UInt8(ascii: "T"): return .byte(delimiters.subcomponent)
            case UInt8(ascii: "R"): return .byte(delimiters.repetition)
            case UInt8(ascii: "E"): return .byte(delimiters.escape)
            case UInt8(ascii: "H"), UInt8(ascii: "N"): return .keptAsWritten
            default: break
            }
        }
        let allHex = rest.allSatisfy { ASCII.hexValue($0) != nil }
        switch first {
        case UInt8(ascii: "X"):
            return allHex && !rest.isEmpty && rest.count % 2 == 0 ? .hex : .issue(.invalidHex)
        case UInt8(ascii: "C") where allHex && rest.count == 4,
            UInt8(ascii: "M") where allHex && (rest.count == 4 || rest.count == 6),
            UInt8(ascii: "."), UInt8(ascii: "Z"):
            return .keptAsWritten
        default:
            return .issue(.unknown)
        }
    }
}
