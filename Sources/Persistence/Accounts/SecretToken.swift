import Crypto
import Domain
import Foundation

/// Random secrets handed to clients (bearer tokens, session cookies, form tokens) and the digests stored
/// in their place.
public enum SecretToken {
    /// 256 random bits, URL-safe base64 without padding, after `prefix`.
    public static func random(prefix: String = "") -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return prefix + Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// The SHA-256 of `token` in hex: what the database keeps.
    public static func digest(_ token: String) -> String {
        HexDigits.encode(SHA256.hash(data: Data(token.utf8)))
    }
}
