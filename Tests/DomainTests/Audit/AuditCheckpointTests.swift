import Crypto
import Domain
import Foundation
import Testing

@Suite("Audit checkpoints")
struct AuditCheckpointTests {
    // RFC 8032's first Ed25519 test key; the signature below was made with Python's `cryptography` from
    // the canonical text written out in AuditCheckpoint's doc comment.
    static let key = try! Curve25519.Signing.PrivateKey(
        rawRepresentation: Data(base64Encoded: "nWGxne/9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A=")!)
    static let headHash = "d0f7790171d2910976d4c9289390aeb6007ae0be154cbf108e2c96d6951b174e"
    static let signedAt = Date(timeIntervalSince1970: 1_795_428_000)
    static let vector = AuditCheckpoint(
        sequence: 12, headHash: headHash, signedAt: "2026-11-23T10:00:00.000Z",
        publicKey: "11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=",
        signature: "fKXJSn+0CJ+yy3uExbb8YxxB2sVRBIbjMDys5JYDPCYbu6XRSMEHZpNvcAKxXWtUNVqNCFX6luSCck2VWICnAQ==")

    @Test("the canonical text is the tag and three netstrings")
    func canonicalText() {
        #expect(AuditCheckpoint.canonicalText(sequence: 12, headHash: Self.headHash, signedAt: "2026-11-23T10:00:00.000Z")
            == "anslut-checkpoint-v12:12,64:\(Self.headHash),24:2026-11-23T10:00:00.000Z,")
    }

    @Test("the fixed test vector verifies, and signing it again gives the same fields and a valid signature")
    func testVector() throws {
        #expect(Self.vector.signatureIsValid)
        let signed = try AuditCheckpoint.sign(sequence: 12, headHash: Self.headHash, at: Self.signedAt, with: Self.key)
        #expect(signed.signedAt == Self.vector.signedAt)
        #expect(signed.publicKey == Self.vector.publicKey)
        #expect(signed.signatureIsValid)
    }

    @Test("any changed field breaks the signature")
    func tamperedFields() {
        let vector = Self.vector
        let changed = [
            AuditCheckpoint(sequence: 13, headHash: vector.headHash, signedAt: vector.signedAt,
                            publicKey: vector.publicKey, signature: vector.signature),
            AuditCheckpoint(sequence: 12, headHash: String(repeating: "0", count: 64), signedAt: vector.signedAt,
                            publicKey: vector.publicKey, signature: vector.signature),
            AuditCheckpoint(sequence: 12, headHash: vector.headHash, signedAt: "2026-11-23T10:00:00.001Z",
                            publicKey: vector.publicKey, signature: vector.signature),
            AuditCheckpoint(sequence: 12, headHash: vector.headHash, signedAt: vector.signedAt,
                            publicKey: Curve25519.Signing.PrivateKey().publicKey.rawRepresentation.base64EncodedString(),
                            signature: vector.signature),
            AuditCheckpoint(sequence: 12, headHash: vector.headHash, signedAt: vector.signedAt,
                            publicKey: vector.publicKey, signature: "not base64"),
        ]
        for checkpoint in changed { #expect(!checkpoint.signatureIsValid) }
    }

    @Test("a chain is compared with its checkpoint: intact, truncated, rewritten, another key, bad signature")
    func mismatches() {
        let vector = Self.vector
        #expect(vector.mismatch(headSequence: 12, hashAtSignedSequence: Self.headHash, trustedPublicKey: vector.publicKey) == nil)
        #expect(vector.mismatch(headSequence: 40, hashAtSignedSequence: Self.headHash, trustedPublicKey: nil) == nil)
        #expect(vector.mismatch(headSequence: 10, hashAtSignedSequence: nil, trustedPublicKey: nil)
            == .truncated(headSequence: 10, signedSequence: 12))
        #expect(vector.mismatch(headSequence: 14, hashAtSignedSequence: String(repeating: "a", count: 64), trustedPublicKey: nil)
            == .headRewritten(sequence: 12))
        let other = Curve25519.Signing.PrivateKey().publicKey.rawRepresentation.base64EncodedString()
        #expect(vector.mismatch(headSequence: 12, hashAtSignedSequence: Self.headHash, trustedPublicKey: other)
            == .untrustedKey(publicKey: vector.publicKey))
        let forged = AuditCheckpoint(
            sequence: 11, headHash: vector.headHash, signedAt: vector.signedAt, publicKey: vector.publicKey,
            signature: vector.signature)
        #expect(forged.mismatch(headSequence: 12, hashAtSignedSequence: Self.headHash, trustedPublicKey: nil) == .badSignature)
    }
}
