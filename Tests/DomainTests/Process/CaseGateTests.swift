import Domain
import Testing

@Suite struct CaseGateTests {
    @Test func gateRefusesWhileRequiredItemsAreOpenAndListsThem() throws {
        // setup: in progress with only work.sad done; work.optional is not required
        var state = try ProcessFixture.caseIn(.inProgress)
        let before = state

        // MUT
        let result = state.handle(.completePhase("work"), by: ProcessFixture.coordinator, at: ProcessFixture.now, in: ProcessFixture.definition)

        // validate
        let refusal = try #require(result.failureValue)
        #expect(refusal.code == .gateOpenItems)
        #expect(refusal.items == ["work.tested", "work.approved"])
        #expect(refusal.message.en.contains("work.tested, work.approved"))
        #expect(state == before)
    }

    @Test func notApplicableWithReasonSatisfiesTheGate() throws {
        var state = try ProcessFixture.caseIn(.inProgress)
        try ProcessFixture.run(&state, .markNotApplicable("work.tested", reason: "Ingen testmiljö behövs"), by: ProcessFixture.technician)
        try ProcessFixture.run(&state, .decide("work.approved", outcome: .approve, reason: nil), by: ProcessFixture.securityReviewer)

        let actions = try ProcessFixture.run(&state, .completePhase("work"), by: ProcessFixture.coordinator)

        #expect(actions == [.phaseCompleted("work"), .phaseStarted("golive")])
        #expect(state.currentPhase == "golive")
        #expect(state.status == .inProgress)
    }

    @Test func completingTheIntakePhaseQueuesTheCase() throws {
        var state = try ProcessFixture.caseIn(.triage, gateReady: true)

        let actions = try ProcessFixture.run(&state, .completePhase("intake"), by: ProcessFixture.coordinator)

        #expect(actions == [.phaseCompleted("intake"), .statusChanged(from: .triage, to: .queued, reason: nil)])
        #expect(state.currentPhase == "work")
        #expect(try ProcessFixture.run(&state, .start, by: ProcessFixture.coordinator) == [
            .statusChanged(from: .queued, to: .inProgress, reason: nil), .phaseStarted("work"),
        ])
    }

    @Test func completingTheLastPhasePutsTheCaseInProduction() throws {
        var state = try ProcessFixture.caseIn(.inProgress, gateReady: true)
        try ProcessFixture.run(&state, .completePhase("work"), by: ProcessFixture.coordinator)
        try ProcessFixture.run(&state, .tick("golive.deployed", evidence: []), by: ProcessFixture.technician)

        let actions = try ProcessFixture.run(&state, .completePhase("golive"), by: ProcessFixture.coordinator)

        #expect(actions == [.phaseCompleted("golive"), .statusChanged(from: .inProgress, to: .inProduction, reason: nil)])
        #expect(state.currentPhase == "golive")
    }

    @Test func onlyTheCurrentPhaseCanBeCompleted() throws {
        var state = try ProcessFixture.caseIn(.inProgress, gateReady: true)

        let earlier = state.handle(.completePhase("intake"), by: ProcessFixture.coordinator, at: ProcessFixture.now, in: ProcessFixture.definition)
        let unknown = state.handle(.completePhase("nope"), by: ProcessFixture.coordinator, at: ProcessFixture.now, in: ProcessFixture.definition)

        #expect(earlier.refusalCode == .phaseNotCurrent)
        #expect(unknown.refusalCode == .unknownPhase)
    }

    @Test(arguments: [Role.applicant, .technician, .securityReviewer, .decisionMaker, .admin])
    func onlyACoordinatorCompletesAPhase(_ role: Role) throws {
        var state = try ProcessFixture.caseIn(.inProgress, gateReady: true)

        let result = state.handle(.completePhase("work"), by: ProcessFixture.user(role), at: ProcessFixture.now, in: ProcessFixture.definition)

        #expect(result.refusalCode == .missingRole)
    }

    @Test func openRequiredItemsReportsWhatKeepsTheGateShut() throws {
        let state = try ProcessFixture.caseIn(.inProgress)

        #expect(state.openRequiredItems(in: ProcessFixture.definition.phases[1]) == ["work.tested", "work.approved"])
        #expect(state.openRequiredItems(in: ProcessFixture.definition.phases[0]) == [])
    }
}
