import Foundation

/// A UUID's 36-character text form, read (hex digits of either case) and written (in capitals, as
/// `UUID.uuidString`). On Linux Foundation reads with `sscanf` and writes with `snprintf`, which stood out in
/// the case API's profile: every row of a case or a list carries text UUIDs on SQLite, and every answer writes
/// them (BENCHMARKS.md, case API).
public enum UUIDText {
    /// Appends the text form of `uuid`, as `uuid.uuidString` spells it.
    public static func append(_ uuid: UUID, to text: inout [UInt8]) {
        // Written into 36 bytes on the stack and appended once: a list writes a hundred of these.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 36) { out in
            withUnsafeBytes(of: uuid.uuid) { bytes in
                var index = 0
                for (position, byte) in bytes.enumerated() {
                    if position == 4 || position == 6 || position == 8 || position == 10 {
                        out[index] = UInt8(ascii: "-")
                        index += 1
                    }
                    out[index] = hexDigit(byte >> 4)
                    out[index + 1] = hexDigit(byte & 0x0F)
                    index += 2
                }
            }
            text.append(contentsOf: UnsafeBufferPointer(out))
        }
    }

    @inline(__always)
    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "A") + value - 10
    }

    /// The text form of `uuid`, as `uuid.uuidString` spells it.
    public static func string(_ uuid: UUID) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(36)
        append(uuid, to: &text)
        return String(decoding: text, as: UTF8.self)
    }

    public static func parse(_ text: String) -> UUID? {
        var text = text
        return text.withUTF8(parse(utf8:))
    }

    public static func parse(utf8 text: UnsafeBufferPointer<UInt8>) -> UUID? {
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
