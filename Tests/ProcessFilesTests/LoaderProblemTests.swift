import Domain
import ProcessFiles
import Testing

/// Each kind of problem in a process file is reported with the file, line and column of its cause.
@Suite struct LoaderProblemTests {
    /// A valid file; the tests break one line of it. Line numbers are noted where tests rely on them.
    static let valid = """
        id: mini
        platform: MINI
        version: 1
        sv: Liten
        en: Small
        phases:
          - id: a
            sv: A
            en: A
            sections:
              - id: a.s
                sv: S
                en: S
                items:
                  - id: a.s.one
                    sv: Ett
                    en: One
                    kind: check
                    owner: coordinator
          - id: b
            sv: B
            en: B
            gate:
              decisions: [b.s.go]
            sections:
              - id: b.s
                sv: S
                en: S
                items:
                  - id: b.s.go
                    sv: Beslut
                    en: Decision
                    kind: decision
                    owner: decision_maker

        """
    // Lines: 3 version, 8 phase a's sv, 15 item a.s.one, 18 its kind, 19 its owner, 24 gate decisions.

    static func problems(_ yaml: String) -> [ProcessFileProblem] {
        do {
            _ = try ProcessDefinitionLoader.load(yaml: yaml, file: "mini.yaml")
            return []
        } catch {
            return error.problems
        }
    }

    static func replacing(_ old: String, with new: String) -> String {
        precondition(valid.contains(old), "fixture has no \(old)")
        return valid.replacingOccurrences(of: old, with: new)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let yaml: String
        let code: String
        let line: Int
        let column: Int?
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "malformed YAML", yaml: replacing("    sv: A\n", with: "    sv: A: B\n"),
             code: "yaml-syntax", line: 8, column: nil),
        Case(name: "duplicate key", yaml: replacing("            kind: check\n", with: "            kind: check\n            kind: form\n"),
             code: "duplicate-key", line: 18, column: nil),
        Case(name: "duplicate id", yaml: replacing("- id: a.s.one", with: "- id: a.s"),
             code: "duplicate-id", line: 15, column: 17),
        Case(name: "unknown role", yaml: replacing("owner: coordinator", with: "owner: coordinater"),
             code: "unknown-role", line: 19, column: 20),
        Case(name: "unknown gate role", yaml: replacing("    gate:\n", with: "    gate:\n      decision_role: boss\n"),
             code: "unknown-role", line: 24, column: 22),
        Case(name: "gate naming a missing item", yaml: replacing("[b.s.go]", with: "[b.s.go, b.s.nope]"),
             code: "gate-unknown-item", line: 24, column: 27),
        Case(name: "gate naming another phase's item", yaml: replacing("[b.s.go]", with: "[b.s.go, a.s.one]"),
             code: "gate-foreign-item", line: 24, column: 27),
        Case(name: "decision left out of its gate", yaml: replacing("[b.s.go]", with: "[]"),
             code: "decision-not-in-gate", line: 30, column: 17),
        Case(name: "unknown kind", yaml: replacing("kind: check", with: "kind: tick"),
             code: "unknown-kind", line: 18, column: 19),
        Case(name: "unknown evidence", yaml: replacing("            kind: check\n", with: "            kind: check\n            evidence: [photo]\n"),
             code: "unknown-evidence", line: 19, column: 24),
        Case(name: "duplicate evidence", yaml: replacing("            kind: check\n", with: "            kind: check\n            evidence: [comment, comment]\n"),
             code: "duplicate-evidence", line: 19, column: 33),
        Case(name: "missing field", yaml: replacing("            kind: check\n", with: ""),
             code: "missing-field", line: 15, column: 13),
        Case(name: "misspelt field", yaml: replacing("            kind: check\n", with: "            kind: check\n            requried: false\n"),
             code: "unknown-field", line: 19, column: 13),
        Case(name: "text where a number belongs", yaml: replacing("version: 1", with: "version: one"),
             code: "wrong-type", line: 3, column: 10),
        Case(name: "list where text belongs", yaml: replacing("    sv: A\n", with: "    sv: [A]\n"),
             code: "wrong-type", line: 8, column: 9),
        Case(name: "blank text", yaml: replacing("    sv: Ett\n", with: "    sv: ''\n"),
             code: "empty-text", line: 16, column: 17),
        Case(name: "one phase only", yaml: valid.components(separatedBy: "  - id: b\n")[0],
             code: "too-few-phases", line: 7, column: 3),
    ]

    @Test func theFixtureLoads() throws {
        let definition = try ProcessDefinitionLoader.load(yaml: Self.valid, file: "mini.yaml")

        #expect(definition.id == "mini")
        #expect(definition.phases.map(\.id) == ["a", "b"])
        #expect(definition.phases[1].gate == GateRule(decisionRole: .decisionMaker, decisions: ["b.s.go"]))
        #expect(definition.items.map(\.isRequired) == [true, true])
    }

    @Test(arguments: cases)
    func reportsTheProblemWhereItIs(_ testCase: Case) {
        let problems = Self.problems(testCase.yaml)

        #expect(problems.map(\.code) == [testCase.code], "\(problems)")
        #expect(problems.first?.file == "mini.yaml")
        #expect(problems.first?.line == testCase.line)
        if let column = testCase.column {
            #expect(problems.first?.column == column)
        }
    }

    @Test func reportsEveryShapeProblemInOneGo() {
        let yaml = Self.valid
            .replacingOccurrences(of: "            kind: check\n", with: "            kind: check\n            requried: false\n")
            .replacingOccurrences(of: "owner: coordinator", with: "owner: boss")
            .replacingOccurrences(of: "kind: decision", with: "kind: verdict")

        let problems = Self.problems(yaml)

        #expect(problems.map(\.code) == ["unknown-field", "unknown-role", "unknown-kind"])
        #expect(problems.map(\.line) == [19, 20, 34])
    }

    @Test func reportsEveryRuleProblemInOneGo() {
        let yaml = Self.replacing("- id: a.s.one", with: "- id: a.s")
            .replacingOccurrences(of: "[b.s.go]", with: "[b.s.go, nope]")

        let problems = Self.problems(yaml)

        #expect(problems.map(\.code) == ["duplicate-id", "gate-unknown-item"])
        #expect(problems.map(\.line) == [15, 24])
    }

    @Test func anEmptyFileSaysSo() {
        #expect(Self.problems("# nothing here\n").map(\.code) == ["empty-file"])
    }

    @Test func problemsReadLikeCompilerMessages() {
        let problem = Self.problems(Self.replacing("owner: coordinator", with: "owner: coordinater"))[0]

        #expect(problem.description == """
            mini.yaml:19:20: error: unknown-role: Unknown role "coordinater"; known ones are \
            applicant, coordinator, security_reviewer, technician, decision_maker, admin.
            """)
        #expect(problem.message.sv.hasPrefix("Okänd roll \"coordinater\""))
    }
}
