import Domain
import Foundation
import Testing

/// Every owner × role × command, against a table written out here (not derived from the rule under test).
@Suite("Separation of duties: who works which item")
struct SeparationOfDutiesTests {
    typealias F = ProcessFixture

    static let definition = ProcessDefinition(
        id: "duties", platform: "DEMO", version: 1, title: F.text("Roller", "Duties"),
        phases: [
            .init(id: "intake", title: F.text("Intag", "Intake"), gate: GateRule(decisions: []), sections: [
                .init(id: "intake.s", title: F.text("K", "C"), items: [.init(id: "intake.x", text: F.text("X", "X"), owner: .coordinator)]),
            ]),
            .init(id: "work", title: F.text("Arbete", "Work"), gate: GateRule(decisions: ["work.decision"]), sections: [
                .init(id: "work.s", title: F.text("P", "I"), items: [
                    .init(id: "work.applicant", text: F.text("A", "A"), owner: .applicant),
                    .init(id: "work.coordinator", text: F.text("C", "C"), owner: .coordinator),
                    .init(id: "work.decisionmaker", text: F.text("D", "D"), owner: .decisionMaker),
                    .init(id: "work.decisionmaker-also", text: F.text("D+", "D+"), owner: .decisionMaker, also: [.coordinator]),
                    .init(id: "work.reviewer", text: F.text("S", "S"), owner: .securityReviewer),
                    .init(id: "work.technician", text: F.text("T", "T"), owner: .technician),
                    .init(id: "work.decision", text: F.text("B", "B"), kind: .decision, owner: .decisionMaker),
                ]),
            ]),
            .init(id: "last", title: F.text("Sist", "Last"), sections: [
                .init(id: "last.s", title: F.text("S", "S"), items: [.init(id: "last.x", text: F.text("X", "X"), owner: .coordinator)]),
            ]),
        ])

    /// Who may tick, mark not applicable and reopen each item; decisions: who decides and reopens.
    static let workers: [ItemID: Set<Role>] = [
        "work.applicant": [.applicant, .coordinator],
        "work.coordinator": [.coordinator],
        "work.decisionmaker": [.decisionMaker],
        "work.decisionmaker-also": [.decisionMaker, .coordinator],
        "work.reviewer": [.securityReviewer],
        "work.technician": [.technician],
        "work.decision": [.decisionMaker],
    ]

    static func caseInWork() throws -> CaseState {
        #expect(definition.validate().isEmpty)
        var state = CaseState(draft: definition)
        for (command, user) in [
            (CaseCommand.submit, F.applicant), (.beginTriage, F.coordinator), (.tick("intake.x", evidence: []), F.coordinator),
            (.completePhase("intake"), F.coordinator), (.start, F.coordinator),
        ] {
            _ = try state.handle(command, by: user, at: F.now, in: definition).get()
        }
        return state
    }

    static func accepted(_ command: CaseCommand, by role: Role, on state: CaseState) -> Bool {
        var copy = state
        return (try? copy.handle(command, by: F.user(role), at: F.now, in: definition).get()) != nil
    }

    @Test("tick, not applicable and reopen follow the table for every owner and role", arguments: Role.allCases)
    func work(_ role: Role) throws {
        let state = try Self.caseInWork()
        for (item, allowed) in Self.workers.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            let isDecision = item == "work.decision"
            let owner = Self.definition.item(item)!.owner
            let mayWork = allowed.contains(role)
            // Decision items are never ticked nor marked not applicable, by anyone.
            #expect(Self.accepted(.tick(item, evidence: []), by: role, on: state) == (mayWork && !isDecision), "\(role) tick \(item)")
            #expect(Self.accepted(.markNotApplicable(item, reason: "Gäller inte"), by: role, on: state) == (mayWork && !isDecision),
                    "\(role) not applicable \(item)")
            #expect(Self.accepted(.decide(item, outcome: .approve, reason: nil), by: role, on: state) == (mayWork && isDecision),
                    "\(role) decide \(item)")
            // Reopen, once the owner has done the item.
            var done = state
            let finish: CaseCommand = isDecision ? .decide(item, outcome: .approve, reason: nil) : .tick(item, evidence: [])
            _ = try done.handle(finish, by: F.user(owner), at: F.now, in: Self.definition).get()
            #expect(Self.accepted(.reopen(item), by: role, on: done) == mayWork, "\(role) reopen \(item)")
        }
    }

    @Test("the definition refuses an also on a decision, on the security reviewer's or the technician's items, or naming the owner")
    func alsoRefused() {
        for (owner, kind, also) in [
            (Role.securityReviewer, ItemKind.check, Role.coordinator), (.technician, .check, .coordinator),
            (.decisionMaker, .decision, .coordinator), (.applicant, .check, .applicant),
        ] {
            var definition = Self.definition
            definition.phases[1].sections[0].items[0] = .init(
                id: "work.applicant", text: F.text("A", "A"), kind: kind, owner: owner, also: [also])
            let codes = definition.validate().map(\.code)
            #expect(codes.contains(.alsoNotAllowed), "\(owner) \(kind) also \(also)")
        }
    }

    @Test("also is left out of the content hash when empty and kept when given; the stored form reads back")
    func hashAndStoredForm() throws {
        var without = Self.definition
        without.phases[1].sections[0].items[3].also = []
        #expect(without.contentHash != Self.definition.contentHash)
        #expect(!String(decoding: without.canonicalEncoding(), as: UTF8.self).contains("\"also\""))
        let read = try JSONDecoder().decode(ProcessDefinition.self, from: Self.definition.canonicalEncoding())
        #expect(read == Self.definition)
        #expect(try JSONDecoder().decode(ProcessDefinition.self, from: without.canonicalEncoding()) == without)
    }
}
