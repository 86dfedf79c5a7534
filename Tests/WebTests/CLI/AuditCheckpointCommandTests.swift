import Domain
import Foundation
@_spi(Tests) import Persistence
import SQLKit
import TestSupport
import Testing
import Vapor
import Web

@Suite("anslut audit checkpoint and verify against it, on the real executable")
struct AuditCheckpointCommandTests {
    /// A test app whose chain has twelve events after the start's own, signed at its head by the binary.
    struct Signed: Sendable {
        let app: Application
        let environment: [String: String?]
        /// The sequence of the signed head.
        let head: Int64

        var sql: any SQLDatabase { app.store.sql }

        func run(_ arguments: [String], _ extra: [String: String?] = [:]) async throws -> AnslutExecutable.Outcome {
            try await AnslutExecutable.run(arguments, environment: environment.merging(extra) { $1 })
        }

        /// Runs `audit verify` with `arguments` and expects it to fail with status 1, saying all of `words`.
        func expectBroken(
            _ arguments: [String] = [], _ extra: [String: String?] = [:], saying words: String...,
            sourceLocation: SourceLocation = #_sourceLocation
        ) async throws {
            let outcome = try await run(["audit", "verify"] + arguments, extra)
            #expect(outcome.status == 1, sourceLocation: sourceLocation)
            for word in words {
                #expect(outcome.stderr.contains(word), "\(outcome.stderr)", sourceLocation: sourceLocation)
            }
        }
    }

    static func withSignedChain(_ body: @Sendable (Signed) async throws -> Void) async throws {
        try await withTestApp { app in
            for index in 1...12 {
                try await app.store.write(clock: SystemClock()) { tx in
                    try await tx.audit(AuditEventDraft(actorText: "user:7", actionText: "case.tick", subject: "case:1", payload: ["n": .int(Int64(index))]))
                }
            }
            let head = try await AuditLog.count(on: app.store)
            let signed = Signed(
                app: app,
                environment: ["ANSLUT_DATA_DIR": app.config.dataDirectory, "DATABASE_URL": app.config.databaseURL,
                              "ANSLUT_AUDIT_KEY_FILE": nil],
                head: head)
            let outcome = try await signed.run(["audit", "checkpoint"])
            #expect(outcome.status == 0, "\(outcome.stderr)")
            #expect(outcome.stdout.contains("Checkpoint signed: sequence \(head)"))
            try await body(signed)
        }
    }

    @Test("a checkpoint of an unchanged head is written once; verify checks the chain against it")
    func signAndVerify() async throws {
        try await Self.withSignedChain { signed in
            let again = try await signed.run(["audit", "checkpoint"])
            #expect(again.status == 0)
            #expect(again.stdout.contains("Checkpoint unchanged: sequence \(signed.head)"))
            let rows = try await signed.sql.raw("SELECT COUNT(*) AS n FROM audit_checkpoints").first()?
                .decode(column: "n", as: Int64.self)
            #expect(rows == 1)

            let keyPath = signed.app.config.dataDirectory + "/audit-signing-key"
            let mode = try FileManager.default.attributesOfItem(atPath: keyPath)[.posixPermissions] as? Int
            #expect(mode == 0o600)
            let publicKey = try await signed.run(["audit", "checkpoint", "--public-key"])
            #expect(publicKey.stdout.trimmingCharacters(in: .newlines)
                == (try await AuditCheckpoints.newest(on: signed.app.store))?.publicKey)

            let verify = try await signed.run(["audit", "verify"])
            #expect(verify.status == 0, "\(verify.stderr)")
            #expect(verify.stdout.contains("Audit chain intact: \(signed.head) events"))
            #expect(verify.stdout.contains("Checkpoint matches: sequence \(signed.head)"))
        }
    }

    @Test("a changed event is named as before, also with a checkpoint")
    func changedEvent() async throws {
        try await Self.withSignedChain { signed in
            try await signed.sql.raw("UPDATE audit_events SET actor = 'user:8' WHERE sequence = \(bind: signed.head - 3)").run()
            try await signed.expectBroken(saying: "BROKEN at sequence \(signed.head - 3)", "the row was edited")
        }
    }

    @Test("a missing event in the middle is named")
    func missingEvent() async throws {
        try await Self.withSignedChain { signed in
            try await signed.sql.raw("DELETE FROM audit_events WHERE sequence = \(bind: signed.head - 5)").run()
            try await signed.expectBroken(saying: "BROKEN at sequence \(signed.head - 4)", "expected sequence \(signed.head - 5)")
        }
    }

    @Test("reordered events are named")
    func reordered() async throws {
        try await Self.withSignedChain { signed in
            let (first, second) = (signed.head - 4, signed.head - 3)
            try await signed.sql.raw("UPDATE audit_events SET sequence = -1 WHERE sequence = \(bind: first)").run()
            try await signed.sql.raw("UPDATE audit_events SET sequence = \(bind: first) WHERE sequence = \(bind: second)").run()
            try await signed.sql.raw("UPDATE audit_events SET sequence = \(bind: second) WHERE sequence = -1").run()
            try await signed.expectBroken(saying: "BROKEN at sequence \(first)", "moved")
        }
    }

    @Test("events after the signed head removed: the chain is shorter than the checkpoint")
    func truncated() async throws {
        try await Self.withSignedChain { signed in
            try await signed.sql.raw("DELETE FROM audit_events WHERE sequence > \(bind: signed.head - 2)").run()
            try await signed.expectBroken(saying: "Audit chain TRUNCATED", "ends at sequence \(signed.head - 2)", "up to sequence \(signed.head)")
        }
    }

    @Test("events after the signed head removed and written anew: the signed event has another hash")
    func rewritten() async throws {
        try await Self.withSignedChain { signed in
            try await signed.sql.raw("DELETE FROM audit_events WHERE sequence > \(bind: signed.head - 3)").run()
            for _ in 1...5 {
                try await signed.app.store.write(clock: SystemClock()) { tx in
                    try await tx.audit(AuditEventDraft(actorText: "user:9", actionText: "case.tick", subject: "case:2"))
                }
            }
            try await signed.expectBroken(saying: "Audit chain REWRITTEN", "event \(signed.head) no longer has the signed head hash")
            let refused = try await signed.run(["audit", "checkpoint"])
            #expect(refused.status == 1)
            #expect(refused.stderr.contains("No checkpoint signed: event \(signed.head) no longer has the hash"))
        }
    }

    @Test("a tampered checkpoint row does not verify")
    func tamperedRow() async throws {
        try await Self.withSignedChain { signed in
            try await signed.sql.raw("UPDATE audit_checkpoints SET signed_at = '2030-01-01T00:00:00.000Z'").run()
            try await signed.expectBroken(saying: "Audit checkpoint INVALID")
        }
    }

    @Test("an exported checkpoint verifies with --against; a tampered export or another key does not")
    func exportAndAgainst() async throws {
        try await Self.withSignedChain { signed in
            let export = try await signed.run(["audit", "checkpoint", "--export"])
            #expect(export.status == 0, "\(export.stderr)")
            let exported = try JSONDecoder().decode(AuditCheckpoint.self, from: Data(export.stdout.utf8))
            #expect(exported == (try await AuditCheckpoints.newest(on: signed.app.store)))
            let folder = StartupErrorTests.scratchFolder()
            let file = folder + "/checkpoint.json"
            try Data(export.stdout.utf8).write(to: URL(fileURLWithPath: file))
            let matches = try await signed.run(["audit", "verify", "--against", file])
            #expect(matches.status == 0, "\(matches.stderr)")
            #expect(matches.stdout.contains("Checkpoint matches: sequence \(signed.head)"))

            // The stored checkpoint is gone, as an intruder would remove it; the kept export still tells.
            try await signed.sql.raw("DELETE FROM audit_checkpoints").run()
            try await signed.sql.raw("DELETE FROM audit_events WHERE sequence = \(bind: signed.head)").run()
            try await signed.expectBroken(["--against", file], saying: "Audit chain TRUNCATED")

            let tampered = AuditCheckpoint(
                sequence: exported.sequence - 1, headHash: exported.headHash, signedAt: exported.signedAt,
                publicKey: exported.publicKey, signature: exported.signature)
            try JSONEncoder().encode(tampered).write(to: URL(fileURLWithPath: file))
            try await signed.expectBroken(["--against", file], saying: "Audit checkpoint INVALID")

            try Data(export.stdout.utf8).write(to: URL(fileURLWithPath: file))
            let otherKey = ["ANSLUT_AUDIT_KEY_FILE": folder + "/other-key"]
            await #expect(try signed.run(["audit", "checkpoint", "--public-key"], otherKey).status == 0)
            try await signed.expectBroken(["--against", file], otherKey, saying: "Audit checkpoint UNTRUSTED")
        }
    }

    @Test("a key file that group or others may read is refused, naming the file")
    func keyFileMode() async throws {
        try await Self.withSignedChain { signed in
            let keyPath = signed.app.config.dataDirectory + "/audit-signing-key"
            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: keyPath)
            let refused = try await signed.run(["audit", "checkpoint"])
            #expect(refused.status == 1)
            #expect(refused.stderr.contains("The audit signing key \(keyPath) may be read by group or others"))
            #expect(refused.stderr.split(separator: "\n").count == 1, "\(refused.stderr)")
        }
    }
}
