import Domain
import Foundation
import Persistence
import Workflow
import Vapor

/// The case page's prioritisation part: where the case stands in its platform's queue and the queue's rule, for
/// everyone who sees the case; the current assessment's breakdown and the way to the assessment page, for the
/// platform team.
enum CasePrioritisation {
    static func model(
        _ record: CaseRecord, roles: Set<Role>, standing: (standing: OnboardingQueue.Standing, rule: LocalizedText?)?,
        assessments: [RecordedAssessment], req: Request
    ) async throws -> CaseShow.Prioritisation? {
        let l = req.pageLanguage
        let staff = PrioritisationRules.seesAssessmentDetails(roles: roles)
        let mayAssess = PrioritisationRules.mayAssess(roles: roles, status: record.state.status)
        guard standing != nil || !assessments.isEmpty || mayAssess else { return nil }
        // The applicant sees how their own case was scored and why; the further factors' notes stay the team's.
        var breakdown: [String] = []
        if let current = assessments.last,
           let matrix = try await MatrixStore.matrix(current.assessment.matrix, on: req.store)
        {
            breakdown = current.assessment.breakdown(with: matrix).map { $0.text(in: l) }
        }
        return CaseShow.Prioritisation(
            // The rule matters while the case waits; once it runs, its place is not in question.
            standing: standing?.standing.sentence(l),
            rule: standing?.standing == .running ? nil : standing?.rule?.text(in: l),
            queueHref: SiteURL.platformQueue(.value(record.platform)).path,
            assessment: assessments.last.map {
                staff
                    ? l("Bedömning \($0.sequence) av \($0.assessorName), \(PageTime.format($0.assessedAt)): \($0.assessment.total) poäng",
                        "Assessment \($0.sequence) by \($0.assessorName), \(PageTime.format($0.assessedAt)): \($0.assessment.total) points")
                    : l("Ärendet är bedömt till \($0.assessment.total) poäng (\(PageTime.format($0.assessedAt))):",
                        "The case is assessed at \($0.assessment.total) points (\(PageTime.format($0.assessedAt))):")
            },
            breakdown: breakdown,
            assessHref: staff ? SiteURL.caseAssessment(.value(record.id)).path : nil,
            assessTitle: mayAssess
                ? (assessments.isEmpty ? l("Bedöm ärendet", "Assess the case") : l("Bedöm igen", "Assess again"))
                : l("Visa bedömningen", "Show the assessment"))
    }
}
