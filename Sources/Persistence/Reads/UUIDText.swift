import Foundation

/// A UUID's 36-character text form, read (hex digits of either case) and written (in capitals, as
/// `UUID.uuidString`). On Linux Foundation reads with `sscanf` and writes with `snprintf`, which stood out in
/// the case API's profile: every row of a case or a list carries text UUIDs on SQLite, and every answer writes
/// them (BENCHMARKS.md, case API).
public enum UUIDText {
    /// Appends the text form of `uuid`, as `uuid.uuidString` spells it.
    public static func append(_ uuid: UUID, to text: inout [UInt8]) {
        withUnsafeBytes(of: uuid.uuid) { bytes in
            for (index, byte) in bytes.enumerated() {
                if index == 4 || index == 6 || index == 8 || index == 10 { text.append(UInt8(ascii: "-")) }
                text.append(hexDigits[Int(byte >> 4)])
                text.append(hexDigits[Int(byte & 0x0F)])
            }
        }
    }

    /// The text form of `uuid`, as `uuid.uuidString` spells it.
    public static func string(_ uuid: UUID) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(36)
        append(uuid, to: &text)
        return String(decoding: text, as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

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
