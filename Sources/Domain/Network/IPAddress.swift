import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An IPv4 or IPv6 address as its bytes, for matching against ranges (trusted proxies, the addresses a system
/// account's traffic may come from). IPv4-mapped IPv6 addresses (`::ffff:192.0.2.1`, which a dual-stack listener
/// reports) are read as the IPv4 address.
public struct IPAddress: Hashable, Sendable, CustomStringConvertible {
    /// 4 bytes for IPv4, 16 for IPv6.
    public let bytes: [UInt8]
    public let description: String

    /// Parses a bare address, or one as forwarding headers write it: in quotes, in brackets, with a port
    /// (`"[2001:db8::1]:4711"`, `192.0.2.60:80`). Nil for anything else (`unknown`, `_hidden`).
    public init?(_ text: some StringProtocol) {
        var text = String(text).trimmingCharacters(in: .whitespaces)
        if text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") { text = String(text.dropFirst().dropLast()) }
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
            text = String(text[text.index(after: text.startIndex)..<close])
        } else if text.filter({ $0 == ":" }).count == 1, let colon = text.firstIndex(of: ":") {
            text = String(text[..<colon])  // IPv4 with a port
        }
        if let bytes = Self.parse(text, family: AF_INET, size: 4) {
            self.bytes = bytes
        } else if let bytes = Self.parse(text, family: AF_INET6, size: 16) {
            let mapped = bytes[0..<10].allSatisfy { $0 == 0 } && bytes[10] == 0xFF && bytes[11] == 0xFF
            self.bytes = mapped ? Array(bytes[12...]) : bytes
        } else {
            return nil
        }
        description = text
    }

    public var isLoopback: Bool {
        bytes.count == 4 ? bytes[0] == 127 : bytes == Array(repeating: 0, count: 15) + [1]
    }

    private static func parse(_ text: String, family: Int32, size: Int) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: size)
        let parsed = bytes.withUnsafeMutableBytes { inet_pton(family, text, $0.baseAddress) }
        return parsed == 1 ? bytes : nil
    }
}
