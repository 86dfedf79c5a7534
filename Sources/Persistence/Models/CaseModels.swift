import FluentKit
import Foundation

/// A published version of a process definition, stored so that a case keeps the exact definition it pinned
/// whatever happens to the files later.
final class ProcessDefinitionModel: Model, @unchecked Sendable {
    static let schema = "process_definitions"

    @ID(key: .id) var id: UUID?
    @Field(key: "definition_id") var definitionID: String
    @Field(key: "version") var version: Int
    @Field(key: "platform") var platform: String
    @Field(key: "content_hash") var contentHash: String
    /// The definition's canonical JSON encoding.
    @Field(key: "document") var document: String
    @OptionalField(key: "published_at") var publishedAt: Date?

    init() {}

    init(definitionID: String, version: Int, platform: String, contentHash: String, document: String) {
        self.definitionID = definitionID
        self.version = version
        self.platform = platform
        self.contentHash = contentHash
        self.document = document
    }
}

/// One connection case (ärende).
final class CaseModel: Model, @unchecked Sendable {
    static let schema = "cases"

    // managed fields
    @ID(key: .id) var id: UUID?
    @OptionalField(key: "created_at") var createdAt: Date?
    @OptionalField(key: "updated_at") var updatedAt: Date?
    /// Counts accepted changes; a writer whose expected version differs gets a conflict.
    @Field(key: "version") var version: Int

    // reference fields
    @Parent(key: "organisation_id") var organisation: OrganisationModel
    @Field(key: "created_by") var createdBy: UUID

    // data fields
    @Field(key: "number") var number: String
    @Field(key: "platform") var platform: String
    @Field(key: "status") var status: String
    @OptionalField(key: "resume_status") var resumeStatus: String?
    @Field(key: "current_phase") var currentPhase: String
    @Field(key: "definition_id") var definitionID: String
    @Field(key: "definition_version") var definitionVersion: Int
    @Field(key: "definition_hash") var definitionHash: String
    /// The order's fields as a JSON object of strings.
    @Field(key: "fields") var fields: String
    /// The order's `system_name`, kept beside `fields` so that lists need not parse every order.
    @OptionalField(key: "system_name") var systemName: String?
    /// When the order was first submitted; orders the queue.
    @OptionalField(key: "submitted_at") var submittedAt: Date?

    init() {}
}

/// The state of one checklist item on one case; items nobody touched have no row.
final class CaseItemModel: Model, @unchecked Sendable {
    static let schema = "case_items"

    @ID(key: .id) var id: UUID?
    @Parent(key: "case_id") var `case`: CaseModel
    @Field(key: "item_id") var itemID: String
    @Field(key: "status") var status: String
    @OptionalField(key: "changed_by") var changedBy: String?
    @OptionalField(key: "changed_at") var changedAt: Date?
    @OptionalField(key: "reason") var reason: String?
    /// JSON array of evidence references.
    @Field(key: "evidence") var evidence: String

    init() {}
}

/// A decision taken at a gate; kept even when the item is reopened and decided again.
final class CaseDecisionModel: Model, @unchecked Sendable {
    static let schema = "case_decisions"

    @ID(key: .id) var id: UUID?
    @Parent(key: "case_id") var `case`: CaseModel
    @Field(key: "item_id") var itemID: String
    @Field(key: "outcome") var outcome: String
    @Field(key: "decided_by") var decidedBy: String
    @Field(key: "decided_at") var decidedAt: Date
    @OptionalField(key: "reason") var reason: String?

    init() {}
}

/// A comment or a question on a case (or one of its items), with its messages.
final class CaseThreadModel: Model, @unchecked Sendable {
    static let schema = "case_threads"

    @ID(key: .id) var id: UUID?
    @Parent(key: "case_id") var `case`: CaseModel
    @OptionalField(key: "item_id") var itemID: String?
    /// `comment` or `question`.
    @Field(key: "kind") var kind: String
    /// `open`, `answered` or `closed` (comments are always `open`).
    @Field(key: "status") var status: String
    @Field(key: "created_by") var createdBy: UUID
    @OptionalField(key: "created_at") var createdAt: Date?
    @Children(for: \.$thread) var messages: [CaseMessageModel]

    init() {}
}

/// One message in a thread.
final class CaseMessageModel: Model, @unchecked Sendable {
    static let schema = "case_messages"

    @ID(key: .id) var id: UUID?
    @Parent(key: "thread_id") var thread: CaseThreadModel
    @Field(key: "author_id") var authorID: UUID
    @Field(key: "body") var body: String
    @OptionalField(key: "created_at") var createdAt: Date?

    init() {}
}

/// One uploaded version of one kind of document on a case.
final class CaseDocumentModel: Model, @unchecked Sendable {
    static let schema = "case_documents"

    @ID(key: .id) var id: UUID?
    @Parent(key: "case_id") var `case`: CaseModel
    /// A `DocumentKind` raw value.
    @Field(key: "kind") var kind: String
    /// 1 for the first upload of the kind on the case, then counting up.
    @Field(key: "version") var version: Int
    @Field(key: "file_name") var fileName: String
    /// As detected from the content, not as the client claimed.
    @Field(key: "content_type") var contentType: String
    @Field(key: "size") var size: Int64
    /// Lower-case hex; also the content's name in the blob store.
    @Field(key: "sha256") var sha256: String
    @Field(key: "uploaded_by") var uploadedBy: UUID
    @Field(key: "uploaded_at") var uploadedAt: Date

    init() {}
}
