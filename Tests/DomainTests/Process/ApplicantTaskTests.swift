import Domain
import Testing

/// The applicant's "Att göra nu": items by section, the ones that keep the gate shut first.
@Suite struct ApplicantTaskTests {
    @Test func itemsComeBySectionWithBlockingSectionsAndItemsFirst() throws {
        // The fixture's work phase with its optional item moved into a section of its own, ahead of the others.
        var definition = ProcessFixture.definition
        let items = definition.phases[1].sections[0].items
        definition.phases[1].sections = [
            .init(id: "work.extra", title: ProcessFixture.text("Extra", "Extra"), items: items.filter { $0.id == "work.optional" }),
            .init(id: "work.items", title: ProcessFixture.text("Punkter", "Items"), items: items.filter { $0.id != "work.optional" }),
        ]
        var state = try ProcessFixture.caseIn(.inProgress)
        try ProcessFixture.run(&state, .reopen("work.sad"), by: ProcessFixture.applicant)

        let tasks = ApplicantTask.tasks(for: state, fields: [:], in: definition, openQuestions: 0)
        guard case .doItems(let groups)? = tasks.last else {
            Issue.record("no items to do in \(tasks)")
            return
        }
        #expect(groups.map(\.section.en) == ["Items", "Extra"])
        #expect(groups.map { $0.items.map(\.id) } == [["work.sad"], ["work.optional"]])
        #expect(groups.map(\.blocking) == [1, 0])
    }

    @Test func inOneSectionTheRequiredItemsComeFirst() throws {
        var definition = ProcessFixture.definition
        definition.phases[1].sections[0].items.reverse()
        var state = try ProcessFixture.caseIn(.inProgress)
        try ProcessFixture.run(&state, .reopen("work.sad"), by: ProcessFixture.applicant)
        let tasks = ApplicantTask.tasks(for: state, fields: [:], in: definition, openQuestions: 0)
        guard case .doItems(let groups)? = tasks.last else {
            Issue.record("no items to do in \(tasks)")
            return
        }
        #expect(groups.first?.items.map(\.id) == ["work.sad", "work.optional"])
    }
}
