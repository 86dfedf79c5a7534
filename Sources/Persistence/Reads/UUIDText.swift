import Foundation

/// Reads a UUID from its 36-character text form (hex digits of either case). Foundation's
/// `UUID(uuidString:)` goes through `sscanf` on Linux, which stood out in the case API's profile: every row
/// of a case or a list carries text UUIDs on SQLite (BENCHMARKS.md, case API).
public enum UUIDText {
    public static func parse(_ text: String) -> UUID? {
        var text = text
        return text.withUTF8(parse(utf8:))
    }

    static func parse(utf8 text: UnsafeBufferPointer<UInt8>) -> UUID? {
        guard text.count == 36 else { return nil }
        var uuid: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        let valid = withUnsafeMutableBytes(of: &uuid) { bytes in
            var index = 0
            for byte in 0..<16 {
                // The groups are 8-4-4-4-12 digits: a dash comes before bytes 4, 6, 8 and 10.
                if byte == 4 || byte == 6 || byte == 8 || byte == 10 {
                    guard text[index] == UInt8(ascii: "-") else { return false }
                    index += 1
                }
                guard let high = hexValue(text[index]), let low = hexValue(text[index + 1]) else { return false }
                bytes[byte] = high << 4 | low
                index += 2
            }
            return true
        }
        return valid ? UUID(uuid: uuid) : nil
    }

    private static func hexValue(_ character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): character - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): character - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): character - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
