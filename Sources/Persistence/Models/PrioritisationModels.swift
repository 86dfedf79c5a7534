import FluentKit
import Foundation

/// A published assessment matrix version, as `ProcessDefinitionModel` is for process definitions.
final class AssessmentMatrixModel: Model, @unchecked Sendable {
    static let schema = "assessment_matrices"

    @ID(key: .id) var id: UUID?
    @Field(key: "matrix_id") var matrixID: String
    @Field(key: "version") var version: Int
    @Field(key: "platform") var platform: String
    @Field(key: "content_hash") var contentHash: String
    /// The matrix's canonical JSON.
    @Field(key: "document") var document: String
    @Field(key: "published_at") var publishedAt: Date

    init() {}
}

/// One assessment of a case; `sequence` counts them per case from 1, and only the newest is current.
final class CaseAssessmentModel: Model, @unchecked Sendable {
    static let schema = "case_assessments"

    @ID(key: .id) var id: UUID?
    @Parent(key: "case_id") var `case`: CaseModel
    @Field(key: "sequence") var sequence: Int
    @Field(key: "is_current") var isCurrent: Bool
    @Field(key: "matrix_id") var matrixID: String
    @Field(key: "matrix_version") var matrixVersion: Int
    @Field(key: "matrix_hash") var matrixHash: String
    @Field(key: "total") var total: Int
    /// The `Assessment` as JSON.
    @Field(key: "document") var document: String
    @Field(key: "assessed_by") var assessedBy: UUID
    @Field(key: "assessed_at") var assessedAt: Date

    init() {}
}

/// A queued case the coordinator passed over, while it is passed over.
final class QueueSkipModel: Model, @unchecked Sendable {
    static let schema = "queue_skips"

    @ID(custom: "case_id", generatedBy: .user) var id: UUID?
    @Field(key: "reason") var reason: String
    @Field(key: "skipped_by") var skippedBy: UUID
    @Field(key: "skipped_at") var skippedAt: Date

    init() {}
}

/// One change of a case's status.
final class CaseStatusChangeModel: Model, @unchecked Sendable {
    static let schema = "case_status_changes"

    @ID(key: .id) var id: UUID?
    @Field(key: "case_id") var caseID: UUID
    @Field(key: "platform") var platform: String
    @Field(key: "from_status") var fromStatus: String
    @Field(key: "to_status") var toStatus: String
    @Field(key: "changed_at") var changedAt: Date

    init() {}
}
