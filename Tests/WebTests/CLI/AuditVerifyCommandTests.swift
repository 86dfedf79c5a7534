import Domain
import Foundation
@_spi(Tests) import Persistence
import SQLKit
import TestSupport
import Testing
import Web

@Suite("anslut audit verify, on the real executable")
struct AuditVerifyCommandTests {
    @Test("exit 0 with the count when intact; exit 1 naming the first bad sequence after tampering")
    func verifyThenTamper() async throws {
        try await withTestApp { app in
            let base = try await AuditLog.count(on: app.store)
            for index in 1...12 {
                try await app.store.write(clock: SystemClock()) { tx in
                    try await tx.audit(
                        AuditEventDraft(actorText: "user:7", actionText: "case.tick", subject: "case:1", payload: ["n": .int(Int64(index))]))
                }
            }
            let environment = ["ANSLUT_DATA_DIR": app.config.dataDirectory, "DATABASE_URL": app.config.databaseURL]

            let intact = try await AnslutExecutable.run(["audit", "verify"], environment: environment)
            #expect(intact.status == 0, "\(intact.stderr)")
            #expect(intact.stdout.contains("Audit chain intact: \(base + 12) events"))

            try await app.store.sql.raw("UPDATE audit_events SET actor = 'user:8' WHERE sequence = \(bind: base + 9)").run()
            let broken = try await AnslutExecutable.run(["audit", "verify"], environment: environment)
            #expect(broken.status == 1)
            #expect(broken.stderr.contains("BROKEN at sequence \(base + 9)"))
            #expect(broken.stderr.contains("\(base + 8) events before it are intact"))
        }
    }

    @Test("a missing SQLite database is reported, not created")
    func missingDatabase() async throws {
        let folder = StartupErrorTests.scratchFolder()
        let outcome = try await AnslutExecutable.run(
            ["audit", "verify"], environment: ["ANSLUT_DATA_DIR": folder + "/nothing", "DATABASE_URL": nil])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("There is no database at"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/nothing"))
    }
}
