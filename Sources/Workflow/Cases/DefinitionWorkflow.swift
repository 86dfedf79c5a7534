import Domain
import Persistence

/// Publishing process definitions and assessment matrices: all or nothing, in one transaction, each new version
/// audited.
public enum DefinitionWorkflow {
    /// A matrix that reads fields its platform's order form lacks, or whose platform has no process.
    public struct MatrixMismatch: Error, CustomStringConvertible {
        public let matrix: AssessmentMatrix.Reference
        public let problems: [LocalizedText]

        public var description: String {
            "The assessment matrix \(matrix) does not fit its platform's order form: " + problems.map(\.en).joined(separator: " ")
        }
    }

    /// Stores each definition and matrix whose id and version are new; an unchanged one is left as it is, a changed
    /// one under an old version refuses the whole publication (`DefinitionStore.Conflict`, `MatrixStore.Conflict`).
    /// Each matrix must fit the order form of its platform's newest definition among `definitions`
    /// (`MatrixMismatch`). Returns the new definitions.
    @discardableResult
    public static func publish(
        _ definitions: [ProcessDefinition], matrices: [AssessmentMatrix] = [], by actor: AuditActor, in store: Store,
        clock: any WallClock
    ) async throws -> [ProcessDefinition] {
        var newest: [String: ProcessDefinition] = [:]
        for definition in definitions where definition.version > (newest[definition.platform]?.version ?? 0) {
            newest[definition.platform] = definition
        }
        for matrix in matrices {
            let problems = newest[matrix.platform].map { matrix.formProblems($0.form) } ?? [LocalizedText(
                sv: "Plattformen \(matrix.platform) har ingen process.", en: "The platform \(matrix.platform) has no process.")]
            if !problems.isEmpty { throw MatrixMismatch(matrix: matrix.reference, problems: problems) }
        }
        return try await store.write(clock: clock) { tx in
            var published: [ProcessDefinition] = []
            for definition in definitions where try await DefinitionStore.insert(definition, in: tx) {
                let reference = definition.reference
                try await tx.audit(AuditEventDraft(
                    actor: actor, action: .processPublish, subject: "process:\(reference.id.rawValue)",
                    payload: [
                        "version": .int(Int64(reference.version)), "hash": .string(reference.contentHash),
                        "platform": .string(definition.platform),
                    ]))
                published.append(definition)
            }
            for definition in definitions {
                try await PlatformWorkflow.ensurePlatform(definition, by: actor, in: tx)
            }
            for matrix in matrices where try await MatrixStore.insert(matrix, in: tx) {
                try await tx.audit(AuditEventDraft(
                    actor: actor, action: .matrixPublish, subject: "matrix:\(matrix.id)",
                    payload: [
                        "version": .int(Int64(matrix.version)), "hash": .string(matrix.contentHash),
                        "platform": .string(matrix.platform),
                    ]))
            }
            return published
        }
    }
}
