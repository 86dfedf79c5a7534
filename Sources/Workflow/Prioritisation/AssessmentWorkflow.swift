import Domain
import Foundation
import Persistence

/// Another assessment was recorded since the assessor read the case's history: theirs would silently replace it.
public struct AssessmentConflict: Error, Sendable {
    /// The sequence the assessor based theirs on (0: none).
    public let expected: Int
    /// The case's current assessment.
    public let current: RecordedAssessment?
}

/// Assessing a case with its platform's assessment matrix: one function, one transaction, one audit event.
public enum AssessmentWorkflow {
    /// Records a coordinator's assessment of the case with the platform's current matrix, when the case's newest
    /// assessment is still `basedOn` (its sequence; 0 when there was none, nil skips the check). A number of employees
    /// left out is taken from the order. A re-assessment needs a reason, and ends a skip.
    /// `cache`, when given, moves the case in its kept queue once the assessment is committed.
    public static func assess(
        _ input: AssessmentInput, of caseID: UUID, basedOn: Int?, by principal: Principal, in store: Store,
        cache: QueueCache? = nil, clock: any WallClock
    ) async throws -> RecordedAssessment {
        let (recorded, platform, sequence) = try await store.write(clock: clock) { tx in
            let (record, roles) = try await CaseAccess.visibleCase(caseID, to: principal, on: tx.store)
            guard roles.contains(.coordinator) else {
                throw CaseRefused(refusal: CaseRefusal(.missingRole, LocalizedText(
                    sv: "Endast plattformens samordnare bedömer ärenden.", en: "Only the platform's coordinators assess cases.")))
            }
            guard PrioritisationRules.assessable.contains(record.state.status) else {
                throw CaseRefused(refusal: CaseRefusal(.wrongState, LocalizedText(
                    sv: "Ett ärende som är \(record.state.status.title.sv) bedöms inte.",
                    en: "A case that is \(record.state.status.title.en) is not assessed.")))
            }
            guard let matrix = try await MatrixStore.current(platform: record.platform, on: tx.store) else {
                throw ValidationFailure([FieldError(
                    field: "matrix", code: "no-matrix",
                    message: LocalizedText(sv: "Plattformen \(record.platform) har ingen bedömningsmatris.",
                                           en: "The platform \(record.platform) has no assessment matrix."))])
            }
            let history = try await AssessmentStore.history(of: caseID, on: tx.store)
            if let basedOn, basedOn != (history.last?.sequence ?? 0) {
                throw AssessmentConflict(expected: basedOn, current: history.last)
            }
            var input = input
            if input.employees == nil { input.employees = matrix.proposal(from: record.fields).employees }
            let assessment: Assessment
            switch matrix.assess(input, replacing: history.last?.assessment) {
            case .success(let made): assessment = made
            case .failure(let failure): throw failure
            }
            let name = try await AccountStore.names(userIDs: [principal.userID], on: tx.store)[principal.userID] ?? principal.email
            let recorded = try await AssessmentStore.record(
                assessment, of: caseID, by: principal.userID, assessorName: name, in: tx)
            try await QueueStore.clearSkip(of: caseID, on: tx.database)
            let event = try await tx.audit(AuditEventDraft(
                actor: principal.actor, action: .caseAssess, subject: record.subject,
                payload: [
                    "sequence": .int(Int64(recorded.sequence)),
                    "matrix": .string(assessment.matrix.description), "matrixHash": .string(assessment.matrix.contentHash),
                    "scores": .object(Dictionary(uniqueKeysWithValues: assessment.scores.map {
                        ($0.criterion, CanonicalJSON.object(["score": .int(Int64($0.value)), "rationale": .string($0.rationale)]))
                    })),
                    "sizeClass": assessment.sizeClass.map(CanonicalJSON.string) ?? .null,
                    "total": .int(Int64(assessment.total)),
                    "previousTotal": history.last.map { .int(Int64($0.assessment.total)) } ?? .null,
                    "reason": assessment.reason.map(CanonicalJSON.string) ?? .null,
                ]))
            return (recorded, record.platform, event.sequence)
        }
        cache?.reassessed(caseID, total: recorded.assessment.total, on: platform, auditedAt: sequence)
        return recorded
    }
}
