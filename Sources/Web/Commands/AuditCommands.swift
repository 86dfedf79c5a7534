import Domain
import Persistence
import Vapor

/// `anslut audit …`: commands on the audit trail.
struct AuditCommands: AsyncCommandGroup {
    var commands: [String: any AnyAsyncCommand] {
        ["verify": AuditVerifyCommand(), "checkpoint": AuditCheckpointCommand()]
    }
    var help: String { "Commands on the hash-chained audit trail." }
}

/// `anslut audit verify [--against FILE]`: re-computes the chain, then compares it with its newest stored
/// checkpoint, or with an exported one. Exit 0 with the count when intact; exit 1 naming the first bad event
/// when a row was edited, deleted, inserted or reordered, or the break when the chain was cut off or
/// rewritten after a signed head, or the checkpoint does not verify.
struct AuditVerifyCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "against", help: "A checkpoint exported with `anslut audit checkpoint --export`.")
        var against: String?

        init() {}
    }

    var help: String { "Re-computes the audit hash chain and checks it against its signed checkpoint." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let exported = try signature.against.map(Self.readCheckpoint)
        try await app.prepareStorage(migrate: false)
        let report = try await AuditVerification.verify(on: app.store)
        if let failure = report.failure {
            throw CommandExit(
                status: 1,
                message: "Audit chain BROKEN at sequence \(failure.sequence): \(failure)."
                    + " \(report.checked) events before it are intact.")
        }
        context.console.print("Audit chain intact: \(report.checked) events; head \(report.headHash)")
        let stored = exported == nil ? try await AuditCheckpoints.newest(on: app.store) : nil
        guard let checkpoint = exported ?? stored else {
            context.console.print("No signed checkpoint yet: `anslut audit checkpoint` makes one.")
            return
        }
        let trustedKey: String?
        do {
            trustedKey = try AuditSigningKey.load(at: app.config.auditKeyPath)?.publicKey.rawRepresentation
                .base64EncodedString()
        } catch {
            throw CommandExit(status: 1, message: error.description)
        }
        if let mismatch = try await AuditCheckpoints.mismatch(of: checkpoint, trustedPublicKey: trustedKey, on: app.store) {
            throw CommandExit(status: 1, message: "\(mismatch.headline): \(mismatch).")
        }
        context.console.print(
            "Checkpoint matches: sequence \(checkpoint.sequence) signed at \(checkpoint.signedAt)"
                + (trustedKey == nil ? " by its own key (no key file here to compare)" : ""))
    }

    private static func readCheckpoint(_ path: String) throws -> AuditCheckpoint {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandExit(status: 2, message: "Cannot read the checkpoint file \(path).")
        }
        do {
            return try JSONDecoder().decode(AuditCheckpoint.self, from: data)
        } catch {
            throw CommandExit(
                status: 2, message: "\(path) is not a checkpoint exported by `anslut audit checkpoint --export`.")
        }
    }
}

/// `anslut audit checkpoint [--public-key | --export]`: signs the chain's head (unless the newest checkpoint
/// already signs it), prints the signing key's public half, or prints the newest checkpoint as JSON.
struct AuditCheckpointCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Flag(name: "public-key", help: "Print the public key checkpoints are signed with (base64), alone.")
        var publicKey: Bool

        @Flag(name: "export", help: "Print the newest checkpoint as JSON, to keep elsewhere.")
        var export: Bool

        init() {}
    }

    var help: String { "Signs the audit chain's head with the installation's Ed25519 key." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        if signature.export {
            try await app.prepareStorage(migrate: false)
            guard let checkpoint = try await AuditCheckpoints.newest(on: app.store) else {
                throw CommandExit(status: 1, message: "No checkpoint yet: run `anslut audit checkpoint` first.")
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            context.console.print(String(decoding: try encoder.encode(checkpoint), as: UTF8.self))
            return
        }
        let key: Curve25519.Signing.PrivateKey
        do {
            key = try AuditSigningKey.loadOrCreate(at: app.config.auditKeyPath)
        } catch {
            throw CommandExit(status: 1, message: error.description)
        }
        if signature.publicKey {
            context.console.print(key.publicKey.rawRepresentation.base64EncodedString())
            return
        }
        try await app.prepareStorage(migrate: false)
        let outcome: AuditCheckpoints.Outcome
        do {
            outcome = try await AuditCheckpoints.record(with: key, clock: app.config.clock, on: app.store)
        } catch let refusal as AuditCheckpointRefusal {
            throw CommandExit(status: 1, message: refusal.description)
        }
        switch outcome {
        case .signed(let checkpoint):
            context.console.print("Checkpoint signed: sequence \(checkpoint.sequence), head \(checkpoint.headHash)")
        case .unchanged(let checkpoint):
            context.console.print(
                "Checkpoint unchanged: sequence \(checkpoint.sequence) was signed at \(checkpoint.signedAt)")
        case .emptyChain:
            context.console.print("The audit chain is empty: nothing to sign yet.")
        }
    }
}
