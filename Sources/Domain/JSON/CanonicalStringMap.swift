/// Reads back an object of strings exactly as `CanonicalJSON` writes one (no whitespace; only the escapes
/// `JSONString` writes), which is how a case's order fields are stored. Every read of a case parses them, and
/// Foundation's `JSONDecoder` took about 2% of answering `GET /api/v1/cases/{id}` (BENCHMARKS.md). Anything
/// else, even valid JSON written another way, is nil, so that the caller falls back to a full parser.
public enum CanonicalStringMap {
    public static func parse(_ text: String) -> [String: String]? {
        var text = text
        return text.withUTF8 { bytes in
            var reader = Reader(bytes: bytes)
            return reader.object()
        }
    }

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0

        mutating func object() -> [String: String]? {
            guard take(UInt8(ascii: "{")) else { return nil }
            var members: [String: String] = [:]
            if take(UInt8(ascii: "}")) { return position == bytes.count ? members : nil }
            repeat {
                guard let key = string(), take(UInt8(ascii: ":")), let value = string(),
                      members.updateValue(value, forKey: key) == nil
                else { return nil }
            } while take(UInt8(ascii: ","))
            guard take(UInt8(ascii: "}")), position == bytes.count else { return nil }
            return members
        }

        private mutating func take(_ byte: UInt8) -> Bool {
            guard position < bytes.count, bytes[position] == byte else { return false }
            position += 1
            return true
        }

        private mutating func string() -> String? {
            guard take(UInt8(ascii: "\"")) else { return nil }
            let start = position
            // Most strings hold no escape and are taken whole.
            while position < bytes.count {
                switch bytes[position] {
                case UInt8(ascii: "\""):
                    defer { position += 1 }
                    return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
                case UInt8(ascii: "\\"):
                    return escapedString(from: start)
                case 0x00..<0x20:
                    return nil
                default:
                    position += 1
                }
            }
            return nil
        }

        private mutating func escapedString(from start: Int) -> String? {
            var out = Array(bytes[start..<position])
            while position < bytes.count {
                let byte = bytes[position]
                position += 1
                switch byte {
                case UInt8(ascii: "\""):
                    // The escapes written are all ASCII, so the bytes stay valid UTF-8 if the input was.
                    return String(validating: out, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    guard position < bytes.count else { return nil }
                    let escape = bytes[position]
                    position += 1
                    switch escape {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(escape)
                    case UInt8(ascii: "b"): out.append(0x08)
                    case UInt8(ascii: "f"): out.append(0x0C)
                    case UInt8(ascii: "n"): out.append(0x0A)
                    case UInt8(ascii: "r"): out.append(0x0D)
                    case UInt8(ascii: "t"): out.append(0x09)
                    case UInt8(ascii: "u"):
                        // `JSONString` writes \u00xx, in lower-case hex, for the other control characters only.
                        guard position + 4 <= bytes.count, bytes[position] == UInt8(ascii: "0"),
                              bytes[position + 1] == UInt8(ascii: "0"),
                              let high = hexValue(bytes[position + 2]), high < 2,
                              let low = hexValue(bytes[position + 3])
                        else { return nil }
                        out.append(high << 4 | low)
                        position += 4
                    default: return nil
                    }
                case 0x00..<0x20:
                    return nil
                default:
                    out.append(byte)
                }
            }
            return nil
        }

        private func hexValue(_ byte: UInt8) -> UInt8? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
            default: nil
            }
        }
    }
}
