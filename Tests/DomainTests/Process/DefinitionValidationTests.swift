import Domain
import Testing

@Suite struct DefinitionValidationTests {
    @Test func theFixtureIsValid() {
        #expect(ProcessFixture.definition.validate() == [])
    }

    /// A broken copy of the fixture, the problem it must produce, and where.
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let code: DefinitionProblem.Code
        let path: String
        let breakIt: @Sendable (inout ProcessDefinition) -> Void

        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "item id reused as a section id", code: .duplicateID, path: "phases[1].sections[0].items[2].id") {
            $0.phases[1].sections[0].items[2].id = "work.items"
        },
        Case(name: "phase id with upper case", code: .invalidID, path: "phases[2].id") {
            $0.phases[2].id = "GoLive"
        },
        Case(name: "item id with a double dot", code: .invalidID, path: "phases[0].sections[0].items[0].id") {
            $0.phases[0].sections[0].items[0].id = "intake..complete"
        },
        Case(name: "definition id with å", code: .invalidID, path: "id") { $0.id = "anslutning-bfr-å" },
        Case(name: "platform in lower case", code: .invalidPlatform, path: "platform") { $0.platform = "bfr" },
        Case(name: "version 0", code: .invalidVersion, path: "version") { $0.version = 0 },
        Case(name: "blank English item text", code: .emptyText, path: "phases[1].sections[0].items[0].text.en") {
            $0.phases[1].sections[0].items[0].text = LocalizedText(sv: "SAD", en: " ")
        },
        Case(name: "blank Swedish phase title", code: .emptyText, path: "phases[0].title.sv") {
            $0.phases[0].title = LocalizedText(sv: "", en: "Intake")
        },
        Case(name: "only the intake phase", code: .tooFewPhases, path: "phases") { $0.phases.removeLast(2) },
        Case(name: "phase without sections", code: .emptyPhase, path: "phases[2].sections") { $0.phases[2].sections = [] },
        Case(name: "section without items", code: .emptySection, path: "phases[2].sections[0].items") {
            $0.phases[2].sections[0].items = []
        },
        Case(name: "gate names a missing item", code: .gateUnknownItem, path: "phases[1].gate.decisions[1]") {
            $0.phases[1].gate.decisions.append("work.nope")
        },
        Case(name: "gate names another phase's item", code: .gateForeignItem, path: "phases[1].gate.decisions[1]") {
            $0.phases[1].gate.decisions.append("intake.go")
        },
        Case(name: "gate names a check", code: .gateNotDecision, path: "phases[1].gate.decisions[1]") {
            $0.phases[1].gate.decisions.append("work.sad")
        },
        Case(name: "gate names a decision twice", code: .gateDuplicateItem, path: "phases[1].gate.decisions[1]") {
            $0.phases[1].gate.decisions.append("work.approved")
        },
        Case(name: "decision missing from its gate", code: .decisionNotInGate, path: "phases[1].sections[0].items[3].id") {
            $0.phases[1].gate.decisions = []
        },
        Case(name: "optional decision", code: .decisionNotRequired, path: "phases[1].sections[0].items[3].required") {
            $0.phases[1].sections[0].items[3].isRequired = false
        },
        Case(name: "decision owned by another role", code: .decisionOwnerMismatch, path: "phases[1].sections[0].items[3].owner") {
            $0.phases[1].sections[0].items[3].owner = .decisionMaker
        },
        Case(name: "decision asking for evidence", code: .decisionWithEvidence, path: "phases[1].sections[0].items[3].evidence") {
            $0.phases[1].sections[0].items[3].evidence = [.attachment]
        },
    ]

    @Test(arguments: cases)
    func reportsTheProblemAtItsPath(_ testCase: Case) {
        var definition = ProcessFixture.definition
        testCase.breakIt(&definition)

        let problems = definition.validate()

        #expect(problems.map(\.code) == [testCase.code], "\(problems)")
        #expect(problems.first?.path.description == testCase.path)
    }

    @Test func reportsEveryProblemNotJustTheFirst() {
        var definition = ProcessFixture.definition
        definition.version = 0
        definition.phases[2].sections[0].items[0].id = "intake.complete"
        definition.phases[1].gate.decisions.append("nope")

        let problems = definition.validate()

        #expect(problems.map(\.code) == [.invalidVersion, .gateUnknownItem, .duplicateID])
        #expect(problems[2].message.en == "The id intake.complete is already used at phases[0].sections[0].items[0].id.")
    }

    @Test func pathsReadLikeTheFile() {
        let path = DefinitionPath().appending("phases").appending(index: 1).appending("gate").appending("decisions").appending(index: 0)

        #expect(path.description == "phases[1].gate.decisions[0]")
        #expect(path.parent?.description == "phases[1].gate.decisions")
        #expect(DefinitionPath().parent == nil)
    }
}
