import Domain
import Testing

@Suite struct CaseItemTests {
    @Test func tickRecordsWhoWhenAndEvidence() throws {
        var state = try ProcessFixture.caseIn(.inProgress)
        let evidence = [Evidence(.testProtocol, "tp-1"), Evidence(.comment, "Alla testfall gröna")]

        let actions = try ProcessFixture.run(&state, .tick("work.tested", evidence: evidence), by: ProcessFixture.technician)

        let expected = ItemState(status: .done, changedBy: "tore", changedAt: ProcessFixture.now, evidence: evidence)
        #expect(actions == [.itemChanged("work.tested", expected)])
        #expect(state.itemState("work.tested") == expected)
    }

    @Test func tickWithoutTheEvidenceAskedForIsRefusedNamingWhatIsMissing() throws {
        var state = try ProcessFixture.caseIn(.inProgress)

        let result = state.handle(
            .tick("work.tested", evidence: [Evidence(.comment, "ok"), Evidence(.testProtocol, "  ")]),
            by: ProcessFixture.technician, at: ProcessFixture.now, in: ProcessFixture.definition
        )

        let refusal = try #require(result.failureValue)
        #expect(refusal.code == .evidenceMissing)
        #expect(refusal.items == ["work.tested"])
        #expect(refusal.message.en == "The item work.tested cannot be ticked without evidence: test protocol missing.")
        #expect(state.itemState("work.tested").status == .open)
    }

    @Test func notApplicableNeedsAReason() throws {
        var state = try ProcessFixture.caseIn(.inProgress)

        let blank = state.handle(.markNotApplicable("work.tested", reason: " \n"), by: ProcessFixture.technician, at: ProcessFixture.now, in: ProcessFixture.definition)
        let actions = try ProcessFixture.run(&state, .markNotApplicable("work.tested", reason: "  Ingen HL7  "), by: ProcessFixture.technician)

        #expect(blank.refusalCode == .reasonRequired)
        #expect(actions == [.itemChanged("work.tested", ItemState(
            status: .notApplicable, changedBy: "tore", changedAt: ProcessFixture.now, reason: "Ingen HL7"
        ))])
    }

    @Test func aDoneItemMustBeReopenedBeforeItChangesAgain() throws {
        var state = try ProcessFixture.caseIn(.inProgress)

        let again = state.handle(.tick("work.sad", evidence: ProcessFixture.evidence(for: "work.sad")), by: ProcessFixture.applicant, at: ProcessFixture.now, in: ProcessFixture.definition)
        let notApplicable = state.handle(.markNotApplicable("work.sad", reason: "x"), by: ProcessFixture.applicant, at: ProcessFixture.now, in: ProcessFixture.definition)
        let reopened = try ProcessFixture.run(&state, .reopen("work.sad"), by: ProcessFixture.applicant)
        let reopenedAgain = state.handle(.reopen("work.sad"), by: ProcessFixture.applicant, at: ProcessFixture.now, in: ProcessFixture.definition)

        #expect(again.refusalCode == .itemNotOpen)
        #expect(notApplicable.refusalCode == .itemNotOpen)
        #expect(reopened == [.itemChanged("work.sad", ItemState(status: .open, changedBy: "anna", changedAt: ProcessFixture.now))])
        #expect(reopenedAgain.refusalCode == .itemAlreadyOpen)
    }

    @Test func onlyItemsOfTheCurrentPhaseChange() throws {
        var state = try ProcessFixture.caseIn(.inProgress)

        let earlier = state.handle(.reopen("intake.complete"), by: ProcessFixture.coordinator, at: ProcessFixture.now, in: ProcessFixture.definition)
        let later = state.handle(.tick("golive.deployed", evidence: []), by: ProcessFixture.technician, at: ProcessFixture.now, in: ProcessFixture.definition)
        let unknown = state.handle(.tick("work.nope", evidence: []), by: ProcessFixture.technician, at: ProcessFixture.now, in: ProcessFixture.definition)

        #expect(earlier.refusalCode == .itemNotInCurrentPhase)
        #expect(later.refusalCode == .itemNotInCurrentPhase)
        #expect(unknown.refusalCode == .unknownItem)
    }

    @Test func decisionsAreDecidedNotTicked() throws {
        var state = try ProcessFixture.caseIn(.inProgress)

        let tick = state.handle(.tick("work.approved", evidence: []), by: ProcessFixture.securityReviewer, at: ProcessFixture.now, in: ProcessFixture.definition)
        let notApplicable = state.handle(.markNotApplicable("work.approved", reason: "x"), by: ProcessFixture.securityReviewer, at: ProcessFixture.now, in: ProcessFixture.definition)
        let decideACheck = state.handle(.decide("work.tested", outcome: .approve, reason: nil), by: ProcessFixture.securityReviewer, at: ProcessFixture.now, in: ProcessFixture.definition)

        #expect(tick.refusalCode == .decisionItem)
        #expect(notApplicable.refusalCode == .decisionItem)
        #expect(decideACheck.refusalCode == .notADecision)
    }

    /// Who may tick `work.tested` (owned by the technician: theirs alone) and `work.optional` (owned by the
    /// applicant, which a coordinator may also work).
    @Test(arguments: [
        (ItemID("work.tested"), Role.technician, true), ("work.tested", .coordinator, false),
        ("work.tested", .applicant, false), ("work.tested", .securityReviewer, false),
        ("work.tested", .decisionMaker, false), ("work.tested", .admin, false),
        ("work.optional", .applicant, true), ("work.optional", .coordinator, true), ("work.optional", .technician, false),
    ])
    func ownersAndCoordinatorsTickItems(item: ItemID, role: Role, allowed: Bool) throws {
        var state = try ProcessFixture.caseIn(.inProgress)

        let result = state.handle(.tick(item, evidence: ProcessFixture.evidence(for: item)), by: ProcessFixture.user(role), at: ProcessFixture.now, in: ProcessFixture.definition)

        #expect(result.refusalCode == (allowed ? nil : .missingRole))
    }

    @Test func missingRoleNamesTheRolesThatWould() throws {
        var state = try ProcessFixture.caseIn(.inProgress)

        let result = state.handle(.tick("work.tested", evidence: []), by: ProcessFixture.applicant, at: ProcessFixture.now, in: ProcessFixture.definition)

        let refusal = try #require(result.failureValue)
        #expect(refusal.message.sv == "Kommandot tick på punkten work.tested kräver rollen tekniker.")
        #expect(refusal.items == ["work.tested"])
    }
}
