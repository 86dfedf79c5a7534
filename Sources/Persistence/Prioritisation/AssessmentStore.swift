import Domain
import FluentKit
import Foundation
import SQLKit

/// A case's assessments, oldest first; the newest is the current one the queue ranks by.
public struct RecordedAssessment: Sendable, Hashable {
    public let id: UUID
    public let caseID: UUID
    /// 1 for the first assessment of the case, one more for each re-assessment.
    public let sequence: Int
    public let assessment: Assessment
    public let assessedBy: UUID
    /// The assessor's name, for the history.
    public let assessorName: String
    public let assessedAt: Date

    public init(
        id: UUID, caseID: UUID, sequence: Int, assessment: Assessment, assessedBy: UUID, assessorName: String,
        assessedAt: Date
    ) {
        self.id = id
        self.caseID = caseID
        self.sequence = sequence
        self.assessment = assessment
        self.assessedBy = assessedBy
        self.assessorName = assessorName
        self.assessedAt = assessedAt
    }
}

public enum AssessmentStore {
    /// Stores `assessment` as the case's current one, after the earlier ones; returns it with its sequence.
    public static func record(
        _ assessment: Assessment, of caseID: UUID, by user: UUID, assessorName: String, in tx: WriteTransaction
    ) async throws -> RecordedAssessment {
        let db = tx.database
        let previous = try await CaseAssessmentModel.query(on: db).filter(\.$case.$id == caseID)
            .sort(\.$sequence, .descending).first()
        if let previous, previous.isCurrent {
            previous.isCurrent = false
            try await previous.update(on: db)
        }
        let model = CaseAssessmentModel()
        model.id = UUID()
        model.$case.id = caseID
        model.sequence = (previous?.sequence ?? 0) + 1
        model.isCurrent = true
        model.matrixID = assessment.matrix.id
        model.matrixVersion = assessment.matrix.version
        model.matrixHash = assessment.matrix.contentHash
        model.total = assessment.total
        model.document = CanonicalJSON.text(of: assessment)
        model.assessedBy = user
        model.assessedAt = tx.now
        try await model.create(on: db)
        return RecordedAssessment(
            id: model.id!, caseID: caseID, sequence: model.sequence, assessment: assessment, assessedBy: user,
            assessorName: assessorName, assessedAt: tx.now)
    }

    /// Every assessment of the case, oldest first.
    public static func history(of caseID: UUID, on store: Store) async throws -> [RecordedAssessment] {
        try await store.database.sql.raw(
            """
            SELECT a.id, a.sequence, a.document, a.assessed_by, a.assessed_at, u.name AS assessor_name
            FROM case_assessments a JOIN users u ON u.id = a.assessed_by
            WHERE a.case_id = \(bind: caseID) ORDER BY a.sequence
            """
        ).all().map { row in
            RecordedAssessment(
                id: try row.decode(column: "id", as: UUID.self), caseID: caseID,
                sequence: try row.decode(column: "sequence", as: Int.self),
                assessment: try JSONDecoder().decode(
                    Assessment.self, from: Data(try row.decode(column: "document", as: String.self).utf8)),
                assessedBy: try row.decode(column: "assessed_by", as: UUID.self),
                assessorName: try row.decode(column: "assessor_name", as: String.self),
                assessedAt: try row.decode(column: "assessed_at", as: Date.self))
        }
    }

    /// The ids of the case's assessments: what `assessment` evidence may name.
    public static func ids(of caseID: UUID, on store: Store) async throws -> Set<UUID> {
        Set(try await CaseAssessmentModel.query(on: store.database).filter(\.$case.$id == caseID).all().compactMap(\.id))
    }
}
