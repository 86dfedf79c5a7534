import Domain
import Testing

/// Every status against every command: accepted (and to which status) or refused as `wrong-state`.
///
/// Each command is issued by a user with the role it needs, on an item it can apply to, so the only thing
/// that varies is the status. Role, item and gate rules have their own suites.
@Suite struct CaseTransitionTableTests {
    /// The accepted transitions; any pair not listed must be refused with `wrong-state`.
    static let accepted: [CaseCommand.Name: [CaseStatus: CaseStatus]] = [
        .submit: [.draft: .submitted],
        .beginTriage: [.submitted: .triage],
        .tick: [.triage: .triage, .inProgress: .inProgress],
        .markNotApplicable: [.triage: .triage, .inProgress: .inProgress],
        .reopen: [.triage: .triage, .inProgress: .inProgress],
        .decide: [.triage: .triage, .inProgress: .inProgress],
        .completePhase: [.triage: .queued, .inProgress: .inProgress],
        .start: [.queued: .inProgress],
        .skipInQueue: [.queued: .queued],
        .returnForCompletion: [
            .submitted: .returnedForCompletion, .triage: .returnedForCompletion, .inProgress: .returnedForCompletion,
        ],
        .resubmit: [.returnedForCompletion: .inProgress],
        .putOnHold: [.submitted: .onHold, .triage: .onHold, .queued: .onHold, .inProgress: .onHold],
        .resume: [.onHold: .inProgress],
        .reject: [
            .submitted: .rejected, .triage: .rejected, .queued: .rejected, .inProgress: .rejected,
            .returnedForCompletion: .rejected, .onHold: .rejected,
        ],
        .withdraw: [
            .draft: .withdrawn, .submitted: .withdrawn, .triage: .withdrawn, .queued: .withdrawn,
            .inProgress: .withdrawn, .returnedForCompletion: .withdrawn, .onHold: .withdrawn,
        ],
        .close: [.inProduction: .closed],
        .migrate: [
            .draft: .draft, .submitted: .submitted, .triage: .triage, .queued: .queued, .inProgress: .inProgress,
            .returnedForCompletion: .returnedForCompletion, .onHold: .onHold, .inProduction: .inProduction,
        ],
    ]

    @Test(arguments: CaseStatus.allCases, CaseCommand.Name.allCases)
    func transition(from status: CaseStatus, command name: CaseCommand.Name) throws {
        // setup
        var state = try ProcessFixture.caseIn(status, gateReady: name == .completePhase)
        let before = state
        let (command, user) = Self.representative(name, for: state)
        #expect(command.name == name)

        // MUT
        let result = state.handle(command, by: user, at: ProcessFixture.now, in: ProcessFixture.definition)

        // validate
        if let expected = Self.accepted[name]?[status] {
            #expect(result.refusalCode == nil, "\(name) in \(status): \(result)")
            #expect(state.status == expected)
            #expect(state.version == before.version + 1)
        } else {
            #expect(result.refusalCode == .wrongState, "\(name) in \(status)")
            #expect(state == before)
        }
    }

    @Test(arguments: CaseCommand.Name.allCases)
    func allowedStatusesMatchTheTable(_ name: CaseCommand.Name) {
        #expect(Set(name.allowedIn) == Set(Self.accepted[name, default: [:]].keys))
    }

    @Test(arguments: CaseStatus.allCases.filter(\.isTerminal))
    func terminalStatusesAcceptNothing(_ status: CaseStatus) {
        #expect(CaseCommand.Name.allCases.allSatisfy { !$0.allowedIn.contains(status) })
    }

    @Test func wrongStateNamesTheStatusesThatWould() throws {
        var state = try ProcessFixture.caseIn(.inProduction)

        let result = state.handle(.submit, by: ProcessFixture.applicant, at: ProcessFixture.now, in: ProcessFixture.definition)

        let refusal = try #require(result.failureValue)
        #expect(refusal.message.en == "The command submit cannot be used when the case is in production; it can when the case is draft.")
        #expect(refusal.message.sv == "Kommandot submit kan inte användas när ärendet är i produktion; det går när ärendet är utkast.")
    }

    /// The command of that name as a user with the right role would issue it in this state.
    static func representative(_ name: CaseCommand.Name, for state: CaseState) -> (CaseCommand, ActingUser) {
        let phase = ProcessFixture.definition.phases.first { $0.id == state.currentPhase }!
        let workable = phase.items.filter { $0.kind != .decision }
        let open = workable.first { state.itemState($0.id).status == .open } ?? workable[0]
        let done = workable.first { state.itemState($0.id).status != .open } ?? workable[0]
        let decision = phase.items.first { $0.kind == .decision } ?? phase.items[0]
        return switch name {
        case .submit: (.submit, ProcessFixture.applicant)
        case .beginTriage: (.beginTriage, ProcessFixture.coordinator)
        case .tick: (.tick(open.id, evidence: ProcessFixture.evidence(for: open.id)), ProcessFixture.user(open.owner))
        case .markNotApplicable: (.markNotApplicable(open.id, reason: "Ej aktuellt"), ProcessFixture.user(open.owner))
        case .reopen: (.reopen(done.id), ProcessFixture.user(done.owner))
        case .decide: (.decide(decision.id, outcome: .approve, reason: nil), ProcessFixture.user(phase.gate.decisionRole))
        case .completePhase: (.completePhase(state.currentPhase), ProcessFixture.coordinator)
        case .start: (.start, ProcessFixture.coordinator)
        case .skipInQueue: (.skipInQueue(reason: "Leverantören är inte redo"), ProcessFixture.coordinator)
        case .returnForCompletion: (.returnForCompletion(reason: "Komplettera"), ProcessFixture.coordinator)
        case .resubmit: (.resubmit, ProcessFixture.applicant)
        case .putOnHold: (.putOnHold(reason: "Paus"), ProcessFixture.coordinator)
        case .resume: (.resume, ProcessFixture.coordinator)
        case .reject: (.reject(reason: "Utanför uppdraget"), ProcessFixture.decisionMaker)
        case .withdraw: (.withdraw(reason: nil), ProcessFixture.applicant)
        case .close: (.close, ProcessFixture.coordinator)
        case .migrate: (.migrate(to: ProcessFixture.nextVersion), ProcessFixture.admin)
        }
    }
}
