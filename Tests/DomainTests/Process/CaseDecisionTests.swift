import Domain
import Testing

@Suite struct CaseDecisionTests {
    @Test func approvingMarksTheDecisionItemDone() throws {
        var state = try ProcessFixture.caseIn(.inProgress)

        let actions = try ProcessFixture.run(&state, .decide("work.approved", outcome: .approve, reason: " Inga fynd "), by: ProcessFixture.securityReviewer)

        #expect(actions == [
            .decisionRecorded(Decision(item: "work.approved", outcome: .approve, decidedBy: "sara", decidedAt: ProcessFixture.now, reason: "Inga fynd")),
            .itemChanged("work.approved", ItemState(status: .done, changedBy: "sara", changedAt: ProcessFixture.now, reason: "Inga fynd")),
        ])
    }

    @Test func aCoordinatorWithoutTheDecisionRoleCannotDecide() throws {
        var state = try ProcessFixture.caseIn(.triage)
        let before = state

        let result = state.handle(.decide("intake.go", outcome: .approve, reason: nil), by: ProcessFixture.coordinator, at: ProcessFixture.now, in: ProcessFixture.definition)

        let refusal = try #require(result.failureValue)
        #expect(refusal.code == .missingRole)
        #expect(refusal.message.en == "The command decide on the item intake.go needs the role decision maker.")
        #expect(state == before)
    }

    @Test func theGatesRoleDecidesNotDecisionMakersInGeneral() throws {
        var state = try ProcessFixture.caseIn(.inProgress)

        let byDecisionMaker = state.handle(.decide("work.approved", outcome: .approve, reason: nil), by: ProcessFixture.decisionMaker, at: ProcessFixture.now, in: ProcessFixture.definition)
        let byBoth = state.handle(
            .decide("work.approved", outcome: .approve, reason: nil),
            by: ActingUser(id: "x", roles: [.coordinator, .securityReviewer]), at: ProcessFixture.now, in: ProcessFixture.definition
        )

        #expect(byDecisionMaker.refusalCode == .missingRole)
        #expect(byBoth.refusalCode == nil)
    }

    @Test(arguments: [DecisionOutcome.returnForCompletion, .reject])
    func returningOrRejectingNeedsAReason(_ outcome: DecisionOutcome) throws {
        var state = try ProcessFixture.caseIn(.triage)

        let result = state.handle(.decide("intake.go", outcome: outcome, reason: nil), by: ProcessFixture.decisionMaker, at: ProcessFixture.now, in: ProcessFixture.definition)

        #expect(result.refusalCode == .reasonRequired)
    }

    @Test func aDecisionToReturnSendsTheCaseBackAndResubmissionResumes() throws {
        var state = try ProcessFixture.caseIn(.triage)

        let actions = try ProcessFixture.run(&state, .decide("intake.go", outcome: .returnForCompletion, reason: "Saknar systemskiss"), by: ProcessFixture.decisionMaker)
        try ProcessFixture.run(&state, .resubmit, by: ProcessFixture.applicant)

        #expect(actions == [
            .decisionRecorded(Decision(item: "intake.go", outcome: .returnForCompletion, decidedBy: "disa", decidedAt: ProcessFixture.now, reason: "Saknar systemskiss")),
            .statusChanged(from: .triage, to: .returnedForCompletion, reason: "Saknar systemskiss"),
        ])
        #expect(state.status == .triage)
        #expect(state.itemState("intake.go").status == .open)
    }

    @Test func aDecisionToRejectEndsTheCase() throws {
        var state = try ProcessFixture.caseIn(.inProgress)

        let actions = try ProcessFixture.run(&state, .decide("work.approved", outcome: .reject, reason: "Underkänd"), by: ProcessFixture.securityReviewer)

        #expect(actions.last == .statusChanged(from: .inProgress, to: .rejected, reason: "Underkänd"))
        #expect(state.status == .rejected)
    }

    @Test func reopeningADecisionTakesTheDecisionRole() throws {
        var state = try ProcessFixture.caseIn(.triage, gateReady: true)

        let byCoordinator = state.handle(.reopen("intake.go"), by: ProcessFixture.coordinator, at: ProcessFixture.now, in: ProcessFixture.definition)
        let byDecisionMaker = state.handle(.reopen("intake.go"), by: ProcessFixture.decisionMaker, at: ProcessFixture.now, in: ProcessFixture.definition)

        #expect(byCoordinator.refusalCode == .missingRole)
        #expect(byDecisionMaker.refusalCode == nil)
        #expect(state.itemState("intake.go").status == .open)
    }
}
