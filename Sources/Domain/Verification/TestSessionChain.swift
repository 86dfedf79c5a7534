import Crypto
import Foundation

/// The hash chain of one test session's messages: each message's hash covers the one before it, so the protocol's
/// head names every message received, in order, and a message changed or removed afterwards is noticed. A chain of
/// its own per session keeps the global audit trail free of one row per message.
public enum TestSessionChain {
    /// The head of an empty session.
    public static let start = String(repeating: "0", count: 64)

    /// The hash of message `sequence` (from 1) received at `receivedAt`, whose bytes hash to `contentSHA256` and
    /// which was answered `acknowledgement`, after `previous`.
    public static func hash(
        previous: String, sequence: Int, receivedAt: Date, contentSHA256: String, acknowledgement: String
    ) -> String {
        let text = "anslut-test-message-v1\n\(previous)\n\(sequence)\n\(Int64((receivedAt.timeIntervalSince1970 * 1000).rounded()))\n"
            + "\(contentSHA256)\n\(acknowledgement)"
        return HexDigits.encode(SHA256.hash(data: Data(text.utf8)))
    }
}
