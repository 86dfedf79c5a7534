import Domain
@_spi(Tests) import Persistence
import SQLKit
import StorageTestSupport
import Testing

@Suite("Audit trail in the database")
struct AuditTrailTests {
    struct Refused: Error {}

    @Test("an event commits with the change it records, and rolls back with it")
    func sameTransaction() async throws {
        try await withTestStorage { storage in
            let before = try await AuditLog.count(on: storage.store)
            try await storage.store.write(clock: SystemClock()) { tx in
                try await tx.audit(AuditEventDraft(actorText: "user:1", actionText: "case.submit", subject: "case:1"))
            }
            await #expect(throws: Refused.self) {
                try await storage.store.write(clock: SystemClock()) { tx in
                    try await tx.audit(AuditEventDraft(actorText: "user:1", actionText: "case.tick", subject: "case:1"))
                    throw Refused()
                }
            }
            let events = try await AuditLog.events(about: "case:1", on: storage.store)
            #expect(events.map(\.action) == ["case.submit"])
            #expect(try await AuditVerification.verify(on: storage.store).checked == before + 1)
        }
    }

    @Test("parallel writers never fork the chain")
    func concurrentWriters() async throws {
        let writers = 8
        let eventsEach = 25
        try await withTestStorage { storage in
            let before = try await AuditLog.count(on: storage.store)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for writer in 0..<writers {
                    group.addTask {
                        for index in 0..<eventsEach {
                            try await storage.store.write(clock: SystemClock()) { tx in
                                try await tx.audit(
                                    AuditEventDraft(actorText: "writer:\(writer)", actionText: "test.write", subject: "w:\(writer)",
                                        payload: ["index": .int(Int64(index))]))
                            }
                        }
                    }
                }
                try await group.waitForAll()
            }
            let report = try await AuditVerification.verify(on: storage.store)
            #expect(report.intact)
            #expect(report.checked == before + Int64(writers * eventsEach))
            #expect(try await AuditLog.count(on: storage.store) == before + Int64(writers * eventsEach))
        }
    }

    @Test("a row edited in the database is named")
    func editedRow() async throws {
        try await withTestStorage { storage in
            let base = try await Self.record(10, on: storage.store)
            try await storage.sql.raw("UPDATE audit_events SET payload = '{\"n\":99}' WHERE sequence = \(bind: base + 4)").run()
            let report = try await AuditVerification.verify(on: storage.store)
            #expect(report.failure == .contentMismatch(sequence: base + 4))
            #expect(report.checked == base + 3)
        }
    }

    @Test("a row deleted in the database is named")
    func deletedRow() async throws {
        try await withTestStorage { storage in
            let base = try await Self.record(10, on: storage.store)
            try await storage.sql.raw("DELETE FROM audit_events WHERE sequence = \(bind: base + 6)").run()
            #expect(try await AuditVerification.verify(on: storage.store).failure == .sequenceGap(expected: base + 6, found: base + 7))
        }
    }

    @Test("rows reordered in the database are named")
    func reorderedRows() async throws {
        try await withTestStorage { storage in
            let base = try await Self.record(10, on: storage.store)
            let sql = storage.sql
            try await sql.raw("UPDATE audit_events SET sequence = -1 WHERE sequence = \(bind: base + 3)").run()
            try await sql.raw("UPDATE audit_events SET sequence = \(bind: base + 3) WHERE sequence = \(bind: base + 4)").run()
            try await sql.raw("UPDATE audit_events SET sequence = \(bind: base + 4) WHERE sequence = -1").run()
            #expect(try await AuditVerification.verify(on: storage.store).failure == .previousHashMismatch(sequence: base + 3))
        }
    }

    @Test("a row inserted in the database is named")
    func insertedRow() async throws {
        try await withTestStorage { storage in
            let base = try await Self.record(5, on: storage.store)
            try await storage.sql.raw(
                """
                INSERT INTO audit_events (sequence, occurred_at, actor, action, subject, payload, previous_hash, hash)
                SELECT \(bind: base + 6), occurred_at, 'mallory', 'case.approve', subject, payload, hash, hash
                FROM audit_events WHERE sequence = \(bind: base + 5)
                """
            ).run()
            #expect(try await AuditVerification.verify(on: storage.store).failure == .contentMismatch(sequence: base + 6))
        }
    }

    @Test("verification walks across chunks and stops at a break in a later one", arguments: [1, 7, 50])
    func acrossChunks(chunkSize: Int) async throws {
        try await withTestStorage { storage in
            let base = try await Self.record(40, on: storage.store)
            let intact = try await AuditVerification.verify(on: storage.store, chunkSize: chunkSize)
            #expect(intact.intact)
            #expect(intact.checked == base + 40)
            try await storage.sql.raw("UPDATE audit_events SET subject = 'case:2' WHERE sequence = \(bind: base + 33)").run()
            let broken = try await AuditVerification.verify(on: storage.store, chunkSize: chunkSize)
            #expect(broken.failure == .contentMismatch(sequence: base + 33))
            #expect(broken.checked == base + 32)
        }
    }

    /// Appends `count` events and returns how many the chain held before them.
    @discardableResult
    static func record(_ count: Int, on store: Store) async throws -> Int64 {
        let base = try await AuditLog.count(on: store)
        for index in 1...count {
            try await store.write(clock: SystemClock()) { tx in
                try await tx.audit(
                    AuditEventDraft(actorText: "user:1", actionText: "test.step", subject: "case:1", payload: ["n": .int(Int64(index))]))
            }
        }
        return base
    }
}
