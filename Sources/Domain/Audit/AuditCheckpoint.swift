import Crypto
import Foundation

/// A signed statement of the audit chain's head: "at `signedAt` the chain ended at event `sequence`, whose
/// hash was `headHash`". Kept outside the chain (signing must not move the head it signs), it lets a later
/// verification detect that the newest events were cut off or rewritten, which the chain alone cannot.
///
/// ## Canonical text (version 1)
/// The Ed25519 signature covers the ASCII text `anslut-checkpoint-v1` followed by three netstrings, as in
/// the event encoding (`AuditChain`): sequence (decimal, no leading zeros), headHash (64 lower-case hex
/// digits), signedAt (`AuditTimestamp`). For example, sequence 12 at 2026-11-23 10:00 UTC:
///
///     anslut-checkpoint-v12:12,64:<head hash>,24:2026-11-23T10:00:00.000Z,
///
/// `publicKey` and `signature` are base64 (standard alphabet, padded) of the raw 32-byte Ed25519 public
/// key and the 64-byte signature.
public struct AuditCheckpoint: Sendable, Hashable, Codable {
    public static let version = "anslut-checkpoint-v1"

    public let sequence: Int64
    public let headHash: String
    public let signedAt: String
    public let publicKey: String
    public let signature: String

    public init(sequence: Int64, headHash: String, signedAt: String, publicKey: String, signature: String) {
        self.sequence = sequence
        self.headHash = headHash
        self.signedAt = signedAt
        self.publicKey = publicKey
        self.signature = signature
    }

    /// The bytes the signature covers.
    public static func canonicalText(sequence: Int64, headHash: String, signedAt: String) -> String {
        let fields = [String(sequence), headHash, signedAt]
        return version + fields.map { "\($0.utf8.count):\($0)," }.joined()
    }

    /// Signs the head `sequence`/`headHash` as seen at `date`.
    public static func sign(
        sequence: Int64, headHash: String, at date: Date, with key: Curve25519.Signing.PrivateKey
    ) throws -> AuditCheckpoint {
        let signedAt = AuditTimestamp.format(date)
        let text = canonicalText(sequence: sequence, headHash: headHash, signedAt: signedAt)
        let signature = try key.signature(for: Data(text.utf8))
        return AuditCheckpoint(
            sequence: sequence, headHash: headHash, signedAt: signedAt,
            publicKey: key.publicKey.rawRepresentation.base64EncodedString(),
            signature: signature.base64EncodedString())
    }

    /// Whether `signature` is this checkpoint's fields signed by the key in `publicKey`.
    public var signatureIsValid: Bool {
        guard let keyBytes = Data(base64Encoded: publicKey),
              let key = try? Curve25519.Signing.PublicKey(rawRepresentation: keyBytes),
              let signatureBytes = Data(base64Encoded: signature)
        else { return false }
        let text = Self.canonicalText(sequence: sequence, headHash: headHash, signedAt: signedAt)
        return key.isValidSignature(signatureBytes, for: Data(text.utf8))
    }
}
