import Domain
import Foundation
import ProcessFiles
import Testing

@Suite("Assessment matrix files")
struct MatrixFileTests {
    @Test("both platforms' matrices load and fit their newest process's order form")
    func shippedMatrices() throws {
        let (definitions, matrices) = try ProcessFolder.load(RepositoryFiles.root.appendingPathComponent("Processes"))
        #expect(matrices.map(\.platform).sorted() == ["BFR", "TAKECARE"])
        for matrix in matrices {
            let form = try #require(definitions.filter { $0.platform == matrix.platform }.max { $0.version < $1.version }?.form)
            #expect(matrix.formProblems(form).isEmpty, "\(matrix.id): \(matrix.formProblems(form).map(\.en))")
            #expect(matrix.criteria.map(\.id) == ["lagkrav", "patientsakerhet", "verksamhetsnytta", "informationssakerhet"])
            #expect(matrix.criterion("lagkrav")?.values == [0, 4])
            #expect(matrix.notes.map(\.id) == ["ekonomi", "kvalitet", "resursatgang"])
        }
        // TakeCare keeps an onboarding's place while it is on hold; BFR frees it.
        #expect(matrices.first { $0.platform == "TAKECARE" }?.placeStatuses.contains(.onHold) == true)
        #expect(matrices.first { $0.platform == "BFR" }?.placeStatuses.contains(.onHold) == false)
    }

    @Test("a matrix with a mistake is refused naming the file and the rule, in Swedish and English")
    func brokenMatrix() throws {
        let yaml = """
            id: trasig
            platform: BFR
            version: 1
            title: {sv: Trasig, en: Broken}
            criteria:
              - {id: lagkrav, values: [4, 0], title: {sv: Lagkrav, en: Legal}}
            size: {classes: [{id: alla, min_employees: 10, points: 1, title: {sv: alla, en: all}}]}
            notes: []
            place_statuses: [in_progress, queued]
            tie_break: earlier_submission
            """
        do {
            _ = try MatrixLoader.load(yaml: yaml, file: "matrices/trasig.yaml")
            Issue.record("accepted")
        } catch {
            #expect(error.problems.allSatisfy { $0.file == "matrices/trasig.yaml" })
            let texts = error.problems.map(\.message.en).joined(separator: " | ")
            #expect(texts.contains("values must be distinct whole numbers 0–100 in rising order"), "\(texts)")
            #expect(texts.contains("the first class starts at 0 employees"), "\(texts)")
            #expect(texts.contains("queued cannot take a place"), "\(texts)")
            #expect(error.problems.allSatisfy { !$0.message.sv.isEmpty })
        }
        #expect(throws: ProcessLoadError.self) {
            try MatrixLoader.load(yaml: "id: x\nplatform: BFR\n", file: "matrices/kort.yaml")
        }
    }

    @Test("a matrix reading a field the order form lacks, or a proposal whose options differ, is named")
    func formMismatch() throws {
        let (definitions, matrices) = try ProcessFolder.load(RepositoryFiles.root.appendingPathComponent("Processes"))
        var matrix = try #require(matrices.first { $0.platform == "BFR" })
        matrix.criteria[0].proposalField = "proposal_patient_safety"
        matrix.size.field = "organisation"
        let form = try #require(definitions.filter { $0.platform == "BFR" }.max { $0.version < $1.version }?.form)
        let problems = matrix.formProblems(form).map(\.en)
        #expect(problems.count == 2, "\(problems)")
        #expect(problems.contains { $0.contains("proposal_field proposal_patient_safety must be a choice with the options [0, 4]") })
        #expect(problems.contains { $0.contains("size.field: organisation must be a number field") })
    }
}

@Suite struct MatrixReadmeExampleTests {
    @Test("the matrix example in Processes/README.md is a valid matrix")
    func theReadmesMatrixExampleLoads() throws {
        let readme = try String(contentsOf: RepositoryFiles.process("README.md"), encoding: .utf8)
        let section = try #require(readme.components(separatedBy: "## Assessment matrices").dropFirst().first)
        let example = try #require(section.components(separatedBy: "```yaml\n").dropFirst().first?.components(separatedBy: "```").first)
        let matrix = try MatrixLoader.load(yaml: example, file: "README.md")
        #expect(matrix.criteria.map(\.id) == ["lagkrav"] && matrix.size.classes.count == 2)
    }
}
