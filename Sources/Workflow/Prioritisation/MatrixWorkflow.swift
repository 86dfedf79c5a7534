import Domain
import Persistence

/// Publishing assessment matrices: all or nothing, each new version audited, like process definitions.
public enum MatrixWorkflow {
    /// A matrix that reads fields its platform's order form lacks, or a platform without a process.
    public struct FormMismatch: Error, CustomStringConvertible {
        public let matrix: AssessmentMatrix.Reference
        public let problems: [LocalizedText]

        public var description: String {
            "The assessment matrix \(matrix) does not fit its platform's order form: "
                + problems.map(\.en).joined(separator: " ")
        }
    }

    /// Stores each matrix whose id and version are new; `definitions` are the processes being published, by platform,
    /// whose order forms each matrix's fields must be in. Returns the new ones.
    @discardableResult
    public static func publish(
        _ matrices: [AssessmentMatrix], definitions: [String: ProcessDefinition], by actor: AuditActor, in store: Store,
        clock: any WallClock
    ) async throws -> [AssessmentMatrix] {
        for matrix in matrices {
            guard let definition = definitions[matrix.platform] else {
                throw FormMismatch(matrix: matrix.reference, problems: [LocalizedText(
                    sv: "Plattformen \(matrix.platform) har ingen process.", en: "The platform \(matrix.platform) has no process.")])
            }
            let problems = matrix.formProblems(definition.form)
            if !problems.isEmpty { throw FormMismatch(matrix: matrix.reference, problems: problems) }
        }
        return try await store.write(clock: clock) { tx in
            var published: [AssessmentMatrix] = []
            for matrix in matrices where try await MatrixStore.insert(matrix, in: tx) {
                try await tx.audit(AuditEventDraft(
                    actor: actor, action: .matrixPublish, subject: "matrix:\(matrix.id)",
                    payload: [
                        "version": .int(Int64(matrix.version)), "hash": .string(matrix.contentHash),
                        "platform": .string(matrix.platform),
                    ]))
                published.append(matrix)
            }
            return published
        }
    }
}
