import Domain
import Foundation
import Persistence
import Workflow
import Vapor

/// `/cases/{id}/assessment`: the assessment page and its form. The case is looked up through
/// `CaseAccess.visibleCase`, so another organisation's case is a 404 like any other; applicants see no assessment.
enum AssessmentController {
    static func show(req: Request) async throws -> Response {
        let principal = try req.requireSignedIn()
        return try await page(try req.caseIDParameter(), for: principal, req: req)
    }

    static func assess(req: Request) async throws -> Response {
        let principal = try req.requireSignedIn()
        let id = try req.caseIDParameter()
        let form = try req.content.decode([String: String].self)
        let input = AssessmentForm.input(form)
        let l = req.pageLanguage
        do {
            _ = try await AssessmentWorkflow.assess(
                input, of: id, basedOn: Int(form["based_on"] ?? "") ?? 0, by: principal, in: req.store,
                cache: req.application.queueCache, clock: req.application.config.clock)
            return req.redirect(to: SiteURL.caseAssessment(.value(id)).path, redirectType: .normal)
        } catch is AssessmentConflict {
            return try await page(id, for: principal, sent: form, problem: [l(
                "Någon annan har bedömt ärendet under tiden. Läs den nya bedömningen i historiken och skicka igen om du vill ändra den.",
                "Someone else assessed the case meanwhile. Read the new assessment in the history and send again if you want to change it.")],
                status: .conflict, req: req)
        } catch let refused as CaseRefused {
            return try await page(id, for: principal, sent: form, problem: [refused.refusal.message.text(in: l)], status: .forbidden, req: req)
        } catch let failure as ValidationFailure {
            return try await page(id, for: principal, sent: form, errors: failure.errors, status: .unprocessableEntity, req: req)
        }
    }

    private static func page(
        _ id: UUID, for principal: Principal, sent: [String: String]? = nil, problem: [String] = [],
        errors: [FieldError] = [], status: HTTPStatus = .ok, req: Request
    ) async throws -> Response {
        let l = req.pageLanguage
        let (record, roles) = try await CaseAccess.visibleCase(id, to: principal, on: req.store)
        // The assessment is the platform team's working paper; the applicant sees their standing on the case page.
        guard PrioritisationRules.seesAssessmentDetails(roles: roles) else { throw CaseNotFound() }
        let history = try await AssessmentStore.history(of: id, on: req.store)
        guard let matrix = try await MatrixStore.current(platform: record.platform, on: req.store) else { throw CaseNotFound() }
        let current = history.last?.assessment
        let (proposal, employees) = matrix.proposal(from: record.fields)
        let error = { (field: String) in errors.first { $0.field == field }?.message.text(in: l) }
        let sizeClass = employees.flatMap { matrix.size.sizeClass(employees: $0) }
        var historyEntries: [AssessmentPage.Model.HistoryEntry] = []
        for (index, recorded) in history.enumerated() {
            let pinned = try await MatrixStore.matrix(recorded.assessment.matrix, on: req.store) ?? matrix
            historyEntries.append(.init(
                title: l("Bedömning \(recorded.sequence), \(recorded.assessorName), \(PageTime.formatWithZone(recorded.assessedAt)): \(recorded.assessment.total) poäng",
                         "Assessment \(recorded.sequence), \(recorded.assessorName), \(PageTime.formatWithZone(recorded.assessedAt)): \(recorded.assessment.total) points"),
                matrix: "\(recorded.assessment.matrix) \(recorded.assessment.matrix.contentHash.prefix(12))…",
                reason: recorded.assessment.reason,
                changes: index == 0 ? [] : recorded.assessment.changes(from: history[index - 1].assessment, with: pinned).map { $0.text(in: l) },
                breakdown: recorded.assessment.breakdown(with: pinned).map { $0.text(in: l) }))
        }
        let model = AssessmentPage.Model(
            context: req.pageContext, caseID: id, number: record.number,
            subtitle: "\(record.fields["system_name"] ?? "–"), \(record.organisationName)",
            matrixTitle: "\(matrix.title.text(in: l)) (\(matrix.reference), \(l("högst", "at most")) \(matrix.maximumTotal) \(l("poäng", "points")))",
            criteria: matrix.criteria.map { criterion in
                let score = current?.score(criterion.id)
                return .init(
                    id: criterion.id, title: criterion.title.text(in: l), values: criterion.values, weight: criterion.weight,
                    description: criterion.descriptionField.flatMap { record.fields[$0] } ?? "–",
                    proposal: proposal[criterion.id].map(String.init) ?? l("inget förslag", "no proposal"),
                    score: sent.map { Int($0["score_\(criterion.id)"] ?? "") } ?? score?.value,
                    rationale: sent?["rationale_\(criterion.id)"] ?? score?.rationale ?? "",
                    scoreError: error("scores/\(criterion.id)"), rationaleError: error("rationales/\(criterion.id)"))
            },
            employees: sent?["employees"] ?? (current?.employees ?? employees).map(String.init) ?? "",
            employeesError: error("employees"),
            proposedSize: employees.map { count in
                l("\(count) anställda enligt beställningen", "\(count) employees according to the order")
                    + (sizeClass.map { ": \($0.title.text(in: l)), \($0.points) \(l("poäng", "points"))" } ?? "")
            } ?? l("Beställningen anger inte antalet anställda.", "The order does not give the number of employees."),
            proposedTotal: matrix.proposedTotal(from: record.fields).map {
                l("Sökandens förslag ger \($0) poäng.", "The applicant's proposal gives \($0) points.")
            },
            notes: matrix.notes.map { note in
                .init(id: note.id, title: note.title.text(in: l), value: sent?["note_\(note.id)"] ?? current?.notes[note.id] ?? "")
            },
            reason: sent?["reason"] ?? "", reasonError: error("reason"),
            basedOn: history.last?.sequence ?? 0,
            mayAssess: PrioritisationRules.mayAssess(roles: roles, status: record.state.status),
            problem: problem + errors.filter { !$0.field.hasPrefix("scores/") && !$0.field.hasPrefix("rationales/") && !["employees", "reason"].contains($0.field) }
                .map { $0.message.text(in: l) },
            history: historyEntries)
        return model.html.response(status)
    }
}

/// The assessment form's fields as the workflow's input: `score_<criterion>`, `rationale_<criterion>`, `employees`,
/// `note_<factor>`, `reason`. A score that is not a number is passed on as an impossible one, so the matrix names it.
enum AssessmentForm {
    static func input(_ form: [String: String]) -> AssessmentInput {
        var scores: [String: Int] = [:]
        var rationales: [String: String] = [:]
        var notes: [String: String] = [:]
        for (key, value) in form {
            if key.hasPrefix("score_"), !value.isEmpty { scores[String(key.dropFirst(6))] = Int(value) ?? -1 }
            if key.hasPrefix("rationale_") { rationales[String(key.dropFirst(10))] = value }
            if key.hasPrefix("note_") { notes[String(key.dropFirst(5))] = value }
        }
        let employees = form["employees"].flatMap { $0.isEmpty ? nil : (Int($0) ?? -1) }
        return AssessmentInput(scores: scores, rationales: rationales, employees: employees, notes: notes, reason: form["reason"])
    }
}
