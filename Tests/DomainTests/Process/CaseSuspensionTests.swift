import Domain
import Testing

/// Return for completion, hold, and the statuses they go back to.
@Suite struct CaseSuspensionTests {
    @Test(arguments: [CaseStatus.submitted, .triage, .inProgress])
    func resubmissionResumesWhereTheCaseWasReturnedFrom(_ origin: CaseStatus) throws {
        var state = try ProcessFixture.caseIn(origin)

        let returned = try ProcessFixture.run(&state, .returnForCompletion(reason: "Bifoga flödesbeskrivning"), by: ProcessFixture.coordinator)
        #expect(state.resumeStatus == origin)
        let resubmitted = try ProcessFixture.run(&state, .resubmit, by: ProcessFixture.applicant)

        #expect(returned == [.statusChanged(from: origin, to: .returnedForCompletion, reason: "Bifoga flödesbeskrivning")])
        #expect(resubmitted == [.statusChanged(from: .returnedForCompletion, to: origin, reason: nil)])
        #expect(state.status == origin)
        #expect(state.resumeStatus == nil)
    }

    @Test(arguments: [CaseStatus.submitted, .triage, .queued, .inProgress])
    func resumingReturnsWhereTheCaseWasPutOnHold(_ origin: CaseStatus) throws {
        var state = try ProcessFixture.caseIn(origin)

        try ProcessFixture.run(&state, .putOnHold(reason: "Väntar på leverantör"), by: ProcessFixture.coordinator)
        try ProcessFixture.run(&state, .resume, by: ProcessFixture.coordinator)

        #expect(state.status == origin)
        #expect(state.resumeStatus == nil)
    }

    @Test func itemsKeepTheirStatesWhileTheCaseIsAway() throws {
        var state = try ProcessFixture.caseIn(.inProgress)
        let items = state.items

        try ProcessFixture.run(&state, .returnForCompletion(reason: "Komplettera"), by: ProcessFixture.coordinator)
        let tickWhileReturned = state.handle(.tick("work.tested", evidence: ProcessFixture.evidence(for: "work.tested")), by: ProcessFixture.technician, at: ProcessFixture.now, in: ProcessFixture.definition)
        try ProcessFixture.run(&state, .resubmit, by: ProcessFixture.applicant)

        #expect(tickWhileReturned.refusalCode == .wrongState)
        #expect(state.items == items)
        #expect(state.currentPhase == "work")
    }

    @Test(arguments: [CaseCommand.returnForCompletion(reason: ""), .putOnHold(reason: "   "), .reject(reason: "\n")])
    func suspendingOrRejectingNeedsAReason(_ command: CaseCommand) throws {
        var state = try ProcessFixture.caseIn(.triage)
        let user = command.name == .reject ? ProcessFixture.decisionMaker : ProcessFixture.coordinator

        let result = state.handle(command, by: user, at: ProcessFixture.now, in: ProcessFixture.definition)

        #expect(result.refusalCode == .reasonRequired)
    }

    @Test func theApplicantResubmitsAndTheCoordinatorResumes() throws {
        var returned = try ProcessFixture.caseIn(.returnedForCompletion)
        var onHold = try ProcessFixture.caseIn(.onHold)

        let resubmitByCoordinator = returned.handle(.resubmit, by: ProcessFixture.coordinator, at: ProcessFixture.now, in: ProcessFixture.definition)
        let resumeByApplicant = onHold.handle(.resume, by: ProcessFixture.applicant, at: ProcessFixture.now, in: ProcessFixture.definition)

        #expect(resubmitByCoordinator.refusalCode == .missingRole)
        #expect(resumeByApplicant.refusalCode == .missingRole)
    }

    @Test func withdrawingOrRejectingForgetsWhereToResume() throws {
        var state = try ProcessFixture.caseIn(.onHold)

        let actions = try ProcessFixture.run(&state, .withdraw(reason: "Projektet stoppat"), by: ProcessFixture.applicant)

        #expect(actions == [.statusChanged(from: .onHold, to: .withdrawn, reason: "Projektet stoppat")])
        #expect(state.resumeStatus == nil)
    }

    @Test func aRestoredSuspendedCaseWithoutAStatusToReturnToIsRefused() throws {
        let stored = try ProcessFixture.caseIn(.onHold)
        var state = CaseState(
            definition: stored.definition, status: .onHold, resumeStatus: nil,
            currentPhase: stored.currentPhase, items: stored.items, version: stored.version
        )

        let result = state.handle(.resume, by: ProcessFixture.coordinator, at: ProcessFixture.now, in: ProcessFixture.definition)

        #expect(result.refusalCode == .wrongState)
    }

    /// Coordinators screen requests out before the queue; after that only a decision maker rejects.
    @Test(arguments: [
        (CaseStatus.submitted, Role.coordinator, true), (.triage, .coordinator, true),
        (.queued, .coordinator, false), (.inProgress, .coordinator, false), (.onHold, .coordinator, false),
        (.returnedForCompletion, .coordinator, false),
        (.queued, .decisionMaker, true), (.inProgress, .decisionMaker, true), (.submitted, .applicant, false),
    ])
    func whoMayReject(status: CaseStatus, role: Role, allowed: Bool) throws {
        var state = try ProcessFixture.caseIn(status)

        let result = state.handle(.reject(reason: "Utanför uppdraget"), by: ProcessFixture.user(role), at: ProcessFixture.now, in: ProcessFixture.definition)

        #expect(result.refusalCode == (allowed ? nil : .missingRole))
    }

    @Test(arguments: [
        (CaseCommand.submit, Role.coordinator), (.beginTriage, .applicant), (.start, .technician),
        (.close, .decisionMaker), (.withdraw(reason: nil), .coordinator), (.migrate(to: ProcessFixture.nextVersion), .coordinator),
    ])
    func statusCommandsTakeTheirRole(command: CaseCommand, role: Role) throws {
        let status = command.name.allowedIn[0]
        var state = try ProcessFixture.caseIn(status)

        let result = state.handle(command, by: ProcessFixture.user(role), at: ProcessFixture.now, in: ProcessFixture.definition)

        #expect(result.refusalCode == .missingRole)
    }

    @Test func anotherDefinitionThanThePinnedOneIsRefused() throws {
        var state = try ProcessFixture.caseIn(.triage)

        let result = state.handle(.tick("intake.area", evidence: []), by: ProcessFixture.coordinator, at: ProcessFixture.now, in: ProcessFixture.nextVersion)

        #expect(result.refusalCode == .definitionMismatch)
    }

    @Test func theVersionCountsAcceptedCommandsOnly() throws {
        var state = CaseState(draft: ProcessFixture.definition)
        #expect(state.version == 0)

        _ = state.handle(.beginTriage, by: ProcessFixture.coordinator, at: ProcessFixture.now, in: ProcessFixture.definition)
        try ProcessFixture.run(&state, .submit, by: ProcessFixture.applicant)

        #expect(state.version == 1)
    }
}
