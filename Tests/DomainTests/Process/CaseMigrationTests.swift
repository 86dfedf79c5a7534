import Domain
import Testing

@Suite struct CaseMigrationTests {
    /// Version 2 of the fixture: `work.optional` is gone, `work.risk` is new, and the intake phase is renamed
    /// `intag` (its items keep their ids).
    static let version2: ProcessDefinition = {
        var next = ProcessFixture.definition
        next.version = 2
        next.phases[0].id = "intag"
        next.phases[1].sections[0].items.removeAll { $0.id == "work.optional" }
        next.phases[1].sections[0].items.append(
            .init(id: "work.risk", text: ProcessFixture.text("Riskanalys", "Risk analysis"), owner: .applicant)
        )
        return next
    }()

    @Test func keepsSurvivingItemStatesAndListsTheDropped() throws {
        var state = try ProcessFixture.caseIn(.inProgress)
        try ProcessFixture.run(&state, .tick("work.optional", evidence: []), by: ProcessFixture.applicant)
        let sad = state.itemState("work.sad")

        let actions = try ProcessFixture.run(&state, .migrate(to: Self.version2), by: ProcessFixture.admin)

        #expect(actions == [.migrated(MigrationReport(
            from: ProcessFixture.definition.reference, to: Self.version2.reference, dropped: ["work.optional"], phase: "work"
        ))])
        #expect(state.definition == Self.version2.reference)
        #expect(state.itemState("work.sad") == sad)
        #expect(state.itemState("intake.complete").status == .done)
        #expect(state.items["work.optional"] == nil)
        #expect(state.status == .inProgress)
    }

    @Test func theCaseThenRunsOnTheNewVersionOnly() throws {
        var state = try ProcessFixture.caseIn(.inProgress)
        try ProcessFixture.run(&state, .migrate(to: Self.version2), by: ProcessFixture.admin)

        let onOld = state.handle(.tick("work.tested", evidence: ProcessFixture.evidence(for: "work.tested")), by: ProcessFixture.technician, at: ProcessFixture.now, in: ProcessFixture.definition)
        let onNew = state.handle(.tick("work.risk", evidence: []), by: ProcessFixture.applicant, at: ProcessFixture.now, in: Self.version2)

        #expect(onOld.refusalCode == .definitionMismatch)
        #expect(onNew.refusalCode == nil)
    }

    @Test func aPhaseThatSurvivesKeepsTheCaseInIt() throws {
        var state = try ProcessFixture.caseIn(.inProgress)

        try ProcessFixture.run(&state, .migrate(to: Self.version2), by: ProcessFixture.admin)

        #expect(state.currentPhase == "work")
    }

    @Test func whenThePhaseIsGoneTheCaseLandsInTheFirstIncompleteOne() throws {
        // setup: in the last phase, with the work phase complete
        var state = try ProcessFixture.caseIn(.inProgress, gateReady: true)
        try ProcessFixture.run(&state, .completePhase("work"), by: ProcessFixture.coordinator)
        var renamed = ProcessFixture.definition
        renamed.version = 3
        renamed.phases[2].id = "drift"
        var renamedWithNewWork = renamed
        renamedWithNewWork.version = 4
        renamedWithNewWork.phases[1].sections[0].items.append(
            .init(id: "work.risk", text: ProcessFixture.text("Riskanalys", "Risk analysis"), owner: .applicant)
        )
        var second = state

        // MUT
        try ProcessFixture.run(&state, .migrate(to: renamed), by: ProcessFixture.admin)
        try ProcessFixture.run(&second, .migrate(to: renamedWithNewWork), by: ProcessFixture.admin)

        // validate
        #expect(state.currentPhase == "drift")
        #expect(second.currentPhase == "work")
    }

    @Test func theIntakePhaseIsFollowedByPosition() throws {
        var triage = try ProcessFixture.caseIn(.triage)
        var queued = try ProcessFixture.caseIn(.queued)
        var returnedFromTriage = try ProcessFixture.caseIn(.triage)
        try ProcessFixture.run(&returnedFromTriage, .returnForCompletion(reason: "x"), by: ProcessFixture.coordinator)

        try ProcessFixture.run(&triage, .migrate(to: Self.version2), by: ProcessFixture.admin)
        try ProcessFixture.run(&queued, .migrate(to: Self.version2), by: ProcessFixture.admin)
        try ProcessFixture.run(&returnedFromTriage, .migrate(to: Self.version2), by: ProcessFixture.admin)

        #expect(triage.currentPhase == "intag")
        #expect(queued.currentPhase == "work")
        #expect(returnedFromTriage.currentPhase == "intag")
    }

    @Test func aCaseInProductionStaysInTheLastPhase() throws {
        var state = try ProcessFixture.caseIn(.inProduction)

        try ProcessFixture.run(&state, .migrate(to: Self.version2), by: ProcessFixture.admin)

        #expect(state.currentPhase == "golive")
        #expect(state.status == .inProduction)
    }

    @Test func migratingToTheSameDefinitionOrAnotherProcessIsRefused() throws {
        var state = try ProcessFixture.caseIn(.inProgress)
        var other = ProcessFixture.definition
        other.id = "other"

        let same = state.handle(.migrate(to: ProcessFixture.definition), by: ProcessFixture.admin, at: ProcessFixture.now, in: ProcessFixture.definition)
        let foreign = state.handle(.migrate(to: other), by: ProcessFixture.admin, at: ProcessFixture.now, in: ProcessFixture.definition)

        #expect(same.refusalCode == .alreadyOnDefinition)
        #expect(foreign.refusalCode == .definitionMismatch)
    }
}

@Suite struct ItemStateCarryOverTests {
    @Test func keepsStatesOfSurvivingIdsAndListsTheRestSorted() {
        let done = ItemState(status: .done, changedBy: "anna", changedAt: ProcessFixture.now)
        let states: [ItemID: ItemState] = ["work.sad": done, "work.optional": done, "old.z": .untouched, "old.a": done]

        let (kept, dropped) = CaseState.carryOver(states, to: CaseMigrationTests.version2)

        #expect(kept == ["work.sad": done])
        #expect(dropped == ["old.a", "old.z", "work.optional"])
    }
}
