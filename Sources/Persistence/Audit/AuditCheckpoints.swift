import Crypto
import Domain
import FluentKit
import Foundation
import SQLKit

/// Signs the audit chain's head and keeps the signed checkpoints in `audit_checkpoints`, beside the chain.
public enum AuditCheckpoints {
    /// What `record` did.
    public enum Outcome: Sendable, Equatable {
        /// A new checkpoint was stored.
        case signed(AuditCheckpoint)
        /// The newest checkpoint already signs the current head; nothing was written.
        case unchanged(AuditCheckpoint)
        /// The chain has no events yet, so there is no head to sign.
        case emptyChain
    }

    /// Signs the current head with `key` unless the newest checkpoint already signs it. Runs in a write
    /// transaction, so the head cannot move between reading and signing it.
    public static func record(
        with key: Curve25519.Signing.PrivateKey, clock: any WallClock, on store: Store
    ) async throws -> Outcome {
        let database = store.database
        return try await database.write(clock: clock) { tx in
            let sql = tx.database.sql
            guard let head = try await sql.raw(
                "SELECT sequence, hash FROM \(unsafeRaw: AuditEventsTable.name) ORDER BY sequence DESC LIMIT 1"
            ).first() else { return .emptyChain }
            let sequence = try head.decode(column: "sequence", as: Int64.self)
            let hash = try head.decode(column: "hash", as: String.self)
            if let newest = try await newest(on: tx.store) {
                if newest.sequence == sequence, newest.headHash == hash,
                   newest.publicKey == key.publicKey.rawRepresentation.base64EncodedString()
                {
                    return .unchanged(newest)
                }
                // Signing a chain that was cut or rewritten after the last signed head would vouch for it.
                let signedHash = try await sql.raw(
                    "SELECT hash FROM \(unsafeRaw: AuditEventsTable.name) WHERE sequence = \(bind: newest.sequence)"
                ).first()?.decode(column: "hash", as: String.self)
                guard signedHash == newest.headHash else {
                    throw AuditCheckpointRefusal(signedSequence: newest.sequence)
                }
            }
            let checkpoint = try AuditCheckpoint.sign(sequence: sequence, headHash: hash, at: tx.clock.now(), with: key)
            // A checkpoint of this sequence made by another key or before a rewrite gives way to the new one.
            try await sql.delete(from: AuditCheckpointsTable.name).where("sequence", .equal, SQLBind(sequence)).run()
            try await sql.insert(into: AuditCheckpointsTable.name)
                .columns("sequence", "head_hash", "signed_at", "public_key", "signature")
                .values(
                    SQLBind(checkpoint.sequence), SQLBind(checkpoint.headHash), SQLBind(checkpoint.signedAt),
                    SQLBind(checkpoint.publicKey), SQLBind(checkpoint.signature))
                .run()
            return .signed(checkpoint)
        }
    }

    /// The checkpoint of the highest sequence, nil when none was made.
    public static func newest(on store: Store) async throws -> AuditCheckpoint? {
        let database = store.database
        guard let row = try await database.sql.raw(
            """
            SELECT \(unsafeRaw: AuditCheckpointsTable.columns) FROM \(unsafeRaw: AuditCheckpointsTable.name)
            ORDER BY sequence DESC LIMIT 1
            """
        ).first() else { return nil }
        return AuditCheckpoint(
            sequence: try row.decode(column: "sequence", as: Int64.self),
            headHash: try row.decode(column: "head_hash", as: String.self),
            signedAt: try row.decode(column: "signed_at", as: String.self),
            publicKey: try row.decode(column: "public_key", as: String.self),
            signature: try row.decode(column: "signature", as: String.self))
    }

    /// Compares the stored chain, already verified intact, with `checkpoint`.
    public static func mismatch(
        of checkpoint: AuditCheckpoint, trustedPublicKey: String?, on store: Store
    ) async throws -> AuditCheckpoint.Mismatch? {
        let database = store.database
        let sql = database.sql
        let headSequence = try await sql.raw(
            "SELECT COALESCE(MAX(sequence), 0) AS head FROM \(unsafeRaw: AuditEventsTable.name)"
        ).first()?.decode(column: "head", as: Int64.self) ?? 0
        let hash = try await sql.raw(
            "SELECT hash FROM \(unsafeRaw: AuditEventsTable.name) WHERE sequence = \(bind: checkpoint.sequence)"
        ).first()?.decode(column: "hash", as: String.self)
        return checkpoint.mismatch(
            headSequence: headSequence, hashAtSignedSequence: hash, trustedPublicKey: trustedPublicKey)
    }
}

/// The chain no longer holds the head its newest checkpoint signed, so no new checkpoint is made.
public struct AuditCheckpointRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    public let signedSequence: Int64

    public var description: String {
        "No checkpoint signed: event \(signedSequence) no longer has the hash its checkpoint signed (the chain was cut"
            + " or rewritten). Run `anslut audit verify` to see the break."
    }
}
