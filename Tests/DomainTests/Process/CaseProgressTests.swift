import Domain
import Testing

/// Where a case stands at a glance: phase standings, the current phase's required items, whose turn it is.
@Suite struct CaseProgressTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let status: CaseStatus
        let turn: CaseProgress.Turn
        let standings: [CaseProgress.PhaseStanding]
        var testDescription: String { status.rawValue }
    }

    @Test(arguments: [
        Case(status: .draft, turn: .applicant, standings: [.current, .ahead, .ahead]),
        Case(status: .submitted, turn: .platformTeam, standings: [.current, .ahead, .ahead]),
        Case(status: .triage, turn: .platformTeam, standings: [.current, .ahead, .ahead]),
        Case(status: .queued, turn: .queue, standings: [.done, .current, .ahead]),
        // work.sad (the applicant's) is done in the fixture, work.tested (the technician's) is open
        Case(status: .inProgress, turn: .platformTeam, standings: [.done, .current, .ahead]),
        Case(status: .returnedForCompletion, turn: .applicant, standings: [.done, .current, .ahead]),
        Case(status: .onHold, turn: .nobody, standings: [.done, .current, .ahead]),
        Case(status: .inProduction, turn: .nobody, standings: [.done, .done, .done]),
        Case(status: .closed, turn: .nobody, standings: [.done, .done, .done]),
        Case(status: .rejected, turn: .nobody, standings: [.current, .ahead, .ahead]),
    ])
    func turnAndStandingsFollowTheStatus(_ expected: Case) throws {
        let state = try ProcessFixture.caseIn(expected.status)
        let progress = CaseProgress(state, in: ProcessFixture.definition)
        #expect(progress.turn == expected.turn)
        #expect(progress.phases.map(\.standing) == expected.standings)
        #expect(progress.phases.map(\.id) == ["intake", "work", "golive"])
    }

    @Test func countsTheCurrentPhasesRequiredItemsOnly() throws {
        var state = try ProcessFixture.caseIn(.inProgress)
        // work.optional is not required and so is not counted, done or not
        try ProcessFixture.run(&state, .tick("work.optional", evidence: []), by: ProcessFixture.applicant)
        try ProcessFixture.run(&state, .markNotApplicable("work.tested", reason: "Ingen testmiljö"), by: ProcessFixture.technician)
        let progress = CaseProgress(state, in: ProcessFixture.definition)
        #expect(progress.counts == CaseProgress.Counts(done: 1, open: 1, notApplicable: 1))
        #expect(progress.counts.total == 3 && progress.counts.settled == 2)
        #expect(abs(progress.counts.fraction - 2.0 / 3.0) < 1e-9)
        // only the security reviewer's decision is left: the case waits for a decision
        #expect(progress.turn == .decision)
    }

    @Test func anOpenItemOfTheApplicantOrAQuestionPutsTheTurnWithThem() throws {
        var state = try ProcessFixture.caseIn(.inProgress)
        try ProcessFixture.run(&state, .reopen("work.sad"), by: ProcessFixture.applicant)
        #expect(CaseProgress(state, in: ProcessFixture.definition).turn == .applicant)

        let triage = try ProcessFixture.caseIn(.triage)
        #expect(CaseProgress(triage, in: ProcessFixture.definition).turn == .platformTeam)
        #expect(CaseProgress(triage, in: ProcessFixture.definition, questionsForApplicant: 1).turn == .applicant)
    }

    @Test func aListReadsTheSameProgressFromItsParts() throws {
        let state = try ProcessFixture.caseIn(.inProgress)
        let fromParts = CaseProgress(
            status: state.status, currentPhase: state.currentPhase, itemStatus: { state.itemState($0).status },
            in: ProcessFixture.definition)
        #expect(fromParts == CaseProgress(state, in: ProcessFixture.definition))
    }
}
