import Domain
import Foundation
import Testing

@Suite("Assessment matrix: scores, totals and rules")
struct AssessmentMatrixTests {
    let matrix = PrioritisationFixtures.matrix()

    func input(_ scores: [String: Int], employees: Int? = 10, reason: String? = nil) -> AssessmentInput {
        AssessmentInput(
            scores: scores, rationales: scores.mapValues { _ in "Motiverat." }, employees: employees, reason: reason)
    }

    @Test("the total is each score times its weight plus the size class's points", arguments: [
        (["lagkrav": 0, "patientsakerhet": 0, "nytta": 0], 0, 1),
        (["lagkrav": 4, "patientsakerhet": 0, "nytta": 0], 49, 5),
        (["lagkrav": 0, "patientsakerhet": 3, "nytta": 1], 50, 9),
        (["lagkrav": 4, "patientsakerhet": 4, "nytta": 4], 250, 20),
        (["lagkrav": 4, "patientsakerhet": 4, "nytta": 4], 100_000, 20),
    ])
    func totals(scores: [String: Int], employees: Int, total: Int) throws {
        let assessment = try matrix.assess(input(scores, employees: employees), replacing: nil).get()
        #expect(assessment.total == total)
        #expect(assessment.matrix == matrix.reference)
        #expect(matrix.maximumTotal == 20)
    }

    @Test("every broken rule is named at its field", arguments: [
        (["lagkrav": 2, "patientsakerhet": 0, "nytta": 0], "scores/lagkrav", "score-not-allowed"),
        (["patientsakerhet": 0, "nytta": 0], "scores/lagkrav", "required"),
        (["lagkrav": 0, "patientsakerhet": 5, "nytta": 0], "scores/patientsakerhet", "score-not-allowed"),
        (["lagkrav": 0, "patientsakerhet": 0, "nytta": 0, "ekonomi": 1], "scores/ekonomi", "unknown-criterion"),
    ])
    func refusals(scores: [String: Int], field: String, code: String) {
        guard case .failure(let failure) = matrix.assess(input(scores), replacing: nil) else {
            Issue.record("accepted")
            return
        }
        #expect(failure.errors.contains { $0.field == field && $0.code == code }, "\(failure.errors)")
        #expect(failure.errors.allSatisfy { !$0.message.sv.isEmpty && !$0.message.en.isEmpty })
    }

    @Test("a rationale is required per criterion; a re-assessment needs a reason; employees must be given")
    func rationaleAndReason() throws {
        var missing = input(["lagkrav": 0, "patientsakerhet": 1, "nytta": 1])
        missing.rationales["nytta"] = "  "
        #expect(throws: ValidationFailure.self) { try matrix.assess(missing, replacing: nil).get() }
        let first = try matrix.assess(input(["lagkrav": 0, "patientsakerhet": 1, "nytta": 1]), replacing: nil).get()
        let noReason = matrix.assess(input(["lagkrav": 0, "patientsakerhet": 2, "nytta": 1]), replacing: first)
        guard case .failure(let failure) = noReason else { Issue.record("accepted without a reason"); return }
        #expect(failure.errors.map(\.field) == ["reason"])
        let second = try matrix.assess(
            input(["lagkrav": 0, "patientsakerhet": 2, "nytta": 1], reason: "Nya uppgifter."), replacing: first).get()
        #expect(second.changes(from: first, with: matrix).map(\.en) == ["Patientsäkerhet 1 → 2", "Total 4 → 6"])
        guard case .failure(let noSize) = matrix.assess(input(["lagkrav": 0, "patientsakerhet": 1, "nytta": 1], employees: nil), replacing: nil)
        else { Issue.record("accepted without a size"); return }
        #expect(noSize.errors.map(\.field) == ["employees"])
    }

    @Test("the breakdown says each part in plain language")
    func breakdown() throws {
        let assessment = try matrix.assess(input(["lagkrav": 4, "patientsakerhet": 3, "nytta": 1], employees: 60), replacing: nil).get()
        #expect(assessment.breakdown(with: matrix).map(\.sv) == [
            "Lagkrav: 4", "Patientsäkerhet: 3 × 2 = 6", "Verksamhetsnytta: 1",
            "Storlek: 60 anställda, medel: 2", "Summa: 13 av högst 20",
        ])
    }

    @Test("the applicant's proposal is read from the order")
    func proposal() {
        let fields = ["proposal_legal": "4", "provider_size": "300"]
        #expect(matrix.proposal(from: fields).scores == ["lagkrav": 4])
        #expect(matrix.proposal(from: fields).employees == 300)
        #expect(matrix.proposedTotal(from: fields) == nil, "not every criterion has a proposal field")
    }

    @Test("a matrix with mistakes names each one")
    func problems() {
        var broken = matrix
        broken.criteria[0].values = [4, 0]
        broken.criteria[1].weight = 0
        broken.size.classes[0].minEmployees = 5
        broken.placeStatuses = [.queued]
        let problems = broken.problems().map(\.en)
        #expect(problems.count == 5, "\(problems)")
        #expect(matrix.problems().isEmpty)
        #expect(matrix.contentHash != broken.contentHash)
    }

    @Test("the matrices in Processes/matrices are valid and fit their platforms' order forms")
    func shippedMatrices() throws {
        // Read through the folder's loader in ProcessFilesTests; here only the rule text is checked.
        let rule = matrix.orderRule(capacity: 3).sv
        #expect(rule.contains("patientsäkerhet (0/1/2/3/4, räknas × 2)"))
        #expect(rule.contains("3 anslutningar samtidigt"))
    }
}
