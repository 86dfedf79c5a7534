import Domain
import Foundation
import Testing

@Suite("Audit hash chain")
struct AuditChainTests {
    @Test("the documented example hashes to the value an independent SHA-256 gives")
    func documentedEncoding() {
        // Computed with Python's hashlib from the bytes written out in AuditChain's doc comment.
        let event = AuditChain.seal(
            AuditEventDraft(actorText: "system", actionText: "demo", subject: "x"), sequence: 1,
            at: Date(timeIntervalSince1970: 1_795_428_000), previousHash: AuditChain.genesisHash)
        #expect(event.occurredAt == "2026-11-23T10:00:00.000Z")
        #expect(event.hash == "d0f7790171d2910976d4c9289390aeb6007ae0be154cbf108e2c96d6951b174e")
    }

    @Test("fields cannot run into each other")
    func netstringsSeparateFields() {
        let at = Date(timeIntervalSince1970: 0)
        let one = AuditChain.seal(
            AuditEventDraft(actorText: "ab", actionText: "c", subject: "s"), sequence: 1, at: at,
            previousHash: AuditChain.genesisHash)
        let other = AuditChain.seal(
            AuditEventDraft(actorText: "a", actionText: "bc", subject: "s"), sequence: 1, at: at,
            previousHash: AuditChain.genesisHash)
        #expect(one.hash != other.hash)
    }

    @Test("an untouched chain verifies")
    func intact() {
        let chain = Self.chain(count: 50)
        var verifier = AuditChainVerifier()
        for event in chain { #expect(verifier.check(event) == nil) }
        #expect(verifier.checked == 50)
        #expect(verifier.headHash == chain.last?.hash)
    }

    @Test("an edited event is named")
    func edited() {
        var chain = Self.chain(count: 10)
        let original = chain[6]
        chain[6] = AuditEvent(
            sequence: original.sequence, occurredAt: original.occurredAt, actor: "mallory", action: original.action,
            subject: original.subject, payload: original.payload, previousHash: original.previousHash,
            hash: original.hash)
        #expect(Self.firstBreak(chain) == .contentMismatch(sequence: 7))
    }

    @Test("a deleted event shows as a gap")
    func deleted() {
        var chain = Self.chain(count: 10)
        chain.remove(at: 3)
        #expect(Self.firstBreak(chain) == .sequenceGap(expected: 4, found: 5))
    }

    @Test("two swapped events break the link to the previous hash")
    func reordered() {
        var chain = Self.chain(count: 10)
        let (third, fourth) = (chain[2], chain[3])
        chain[2] = Self.renumbered(fourth, to: 3)
        chain[3] = Self.renumbered(third, to: 4)
        #expect(Self.firstBreak(chain) == .previousHashMismatch(sequence: 3))
    }

    @Test("an inserted event, even with a correct hash of its own, breaks the chain after it")
    func inserted() {
        var chain = Self.chain(count: 10)
        let forged = AuditChain.seal(
            AuditEventDraft(actorText: "mallory", actionText: "case.approve", subject: "case:1"), sequence: 5,
            at: Date(timeIntervalSince1970: 100), previousHash: chain[3].hash)
        chain = Array(chain[0..<4]) + [forged] + chain[4...].map { Self.renumbered($0, to: $0.sequence + 1) }
        #expect(Self.firstBreak(chain) == .previousHashMismatch(sequence: 6))
    }

    static func chain(count: Int) -> [AuditEvent] {
        var events: [AuditEvent] = []
        var previous = AuditChain.genesisHash
        for index in 1...count {
            let event = AuditChain.seal(
                AuditEventDraft(actorText: "user:\(index % 3)", actionText: "case.tick", subject: "case:\(index % 4)",
                    payload: ["item": .string("del2.test.\(index)"), "note": "åäö"]),
                sequence: Int64(index), at: Date(timeIntervalSince1970: Double(index)), previousHash: previous)
            events.append(event)
            previous = event.hash
        }
        return events
    }

    static func renumbered(_ event: AuditEvent, to sequence: Int64) -> AuditEvent {
        AuditEvent(
            sequence: sequence, occurredAt: event.occurredAt, actor: event.actor, action: event.action,
            subject: event.subject, payload: event.payload, previousHash: event.previousHash, hash: event.hash)
    }

    static func firstBreak(_ events: [AuditEvent]) -> AuditChainVerifier.Break? {
        var verifier = AuditChainVerifier()
        for event in events {
            if let failure = verifier.check(event) { return failure }
        }
        return nil
    }
}
