import Domain
import Foundation
import Testing

@Suite("Audit actors and actions keep their stored text")
struct AuditActorTests {
    static let id = UUID(uuidString: "C9E16A83-DBC4-409E-8AEF-0CC63179358A")!

    @Test("each actor writes its documented text and reads it back")
    func roundTrip() {
        let cases: [(AuditActor, String)] = [
            (.user(Self.id), "user:C9E16A83-DBC4-409E-8AEF-0CC63179358A"),
            (.systemAccount(Self.id), "system-account:C9E16A83-DBC4-409E-8AEF-0CC63179358A"),
            (.commandLine(operator: nil), "cli"),
            (.commandLine(operator: Self.id), "cli:C9E16A83-DBC4-409E-8AEF-0CC63179358A"),
            (.job("audit-checkpoint"), "job:audit-checkpoint"),
            (.system, "system"),
        ]
        for (actor, text) in cases {
            #expect(actor.text == text)
            #expect(AuditActor(text: text) == actor)
        }
        #expect(AuditActor(text: "user:c9e16a83-dbc4-409e-8aef-0cc63179358a") == .user(Self.id))
        #expect(AuditActor(text: "demo") == .commandLine(operator: nil))
        for unknown in ["", "user:", "user:7", "job:", "writer:1", "test"] { #expect(AuditActor(text: unknown) == nil) }
    }

    @Test("every action has one text and reads back from it; a case command's is case.<wire name>")
    func actions() {
        #expect(AuditAction.caseCommand(.beginTriage).text == "case.begin_triage")
        #expect(AuditAction(text: "case.mark_not_applicable") == .caseCommand(.markNotApplicable))
        #expect(AuditAction(text: "user.token.revoke_all") == .userTokenRevokeAll)
        #expect(AuditAction(text: "case.nothing") == nil)
        let texts = CaseCommand.Name.allCases.map { AuditAction.caseCommand($0).text }
        #expect(Set(texts).count == texts.count)
    }
}
