import Foundation

extension AuditCheckpoint {
    /// Why a chain does not match a checkpoint. The chain itself is assumed intact: check it first with
    /// `AuditChainVerifier`, whose breaks (an edited, missing or moved event) come before these.
    public enum Mismatch: Sendable, Hashable, CustomStringConvertible {
        /// The signature does not cover the checkpoint's fields: the checkpoint was edited or forged.
        case badSignature
        /// The signature is valid but made with another key than the one trusted here.
        case untrustedKey(publicKey: String)
        /// The chain ends before the signed head: the newest events were removed.
        case truncated(headSequence: Int64, signedSequence: Int64)
        /// The event at the signed sequence has another hash: the chain was cut and written anew from there.
        case headRewritten(sequence: Int64)

        /// The word the report leads with, one for each kind of break.
        public var headline: String {
            switch self {
            case .badSignature: "Audit checkpoint INVALID"
            case .untrustedKey: "Audit checkpoint UNTRUSTED"
            case .truncated: "Audit chain TRUNCATED"
            case .headRewritten: "Audit chain REWRITTEN"
            }
        }

        public var description: String {
            switch self {
            case .badSignature:
                "the checkpoint's signature does not verify (the checkpoint was altered)"
            case .untrustedKey(let publicKey):
                "the checkpoint is signed by another key (\(publicKey)) than this installation's"
            case .truncated(let head, let signed):
                "the chain ends at sequence \(head) but a checkpoint signed it up to sequence \(signed)"
                    + " (events after the signed head were removed)"
            case .headRewritten(let sequence):
                "event \(sequence) no longer has the signed head hash (events from there on were replaced)"
            }
        }
    }

    /// Compares an intact chain with this checkpoint.
    /// - Parameters:
    ///   - headSequence: the sequence of the chain's newest event (0 for an empty chain).
    ///   - hashAtSignedSequence: the stored hash of the event at `sequence`, nil when there is none.
    ///   - trustedPublicKey: this installation's public key (base64); nil to accept the checkpoint's own.
    public func mismatch(headSequence: Int64, hashAtSignedSequence: String?, trustedPublicKey: String?)
        -> Mismatch?
    {
        guard signatureIsValid else { return .badSignature }
        if let trustedPublicKey, trustedPublicKey != publicKey { return .untrustedKey(publicKey: publicKey) }
        guard headSequence >= sequence, let hashAtSignedSequence else {
            return .truncated(headSequence: headSequence, signedSequence: sequence)
        }
        guard hashAtSignedSequence == headHash else { return .headRewritten(sequence: sequence) }
        return nil
    }
}
