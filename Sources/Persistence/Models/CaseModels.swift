import FluentKit
import Foundation

/// A published version of a process definition, stored so that a case keeps the exact definition it pinned
/// whatever happens to the files later.
public final class ProcessDefinitionModel: Model, @unchecked Sendable {
    public static let schema = "process_definitions"

    @ID(key: .id) public var id: UUID?
    @Field(key: "definition_id") public var definitionID: String
    @Field(key: "version") public var version: Int
    @Field(key: "platform") public var platform: String
    @Field(key: "content_hash") public var contentHash: String
    /// The definition's canonical JSON encoding.
    @Field(key: "document") public var document: String
    @OptionalField(key: "published_at") public var publishedAt: Date?

    public init() {}

    init(definitionID: String, version: Int, platform: String, contentHash: String, document: String) {
        self.definitionID = definitionID
        self.version = version
        self.platform = platform
        self.contentHash = contentHash
        self.document = document
    }
}

/// One connection case (ärende).
public final class CaseModel: Model, @unchecked Sendable {
    public static let schema = "cases"

    // managed fields
    @ID(key: .id) public var id: UUID?
    @OptionalField(key: "created_at") public var createdAt: Date?
    @OptionalField(key: "updated_at") public var updatedAt: Date?
    /// Counts accepted changes; a writer whose expected version differs gets a conflict.
    @Field(key: "version") public var version: Int

    // reference fields
    @Parent(key: "organisation_id") public var organisation: OrganisationModel
    @Field(key: "created_by") public var createdBy: UUID

    // data fields
    @Field(key: "number") public var number: String
    @Field(key: "platform") public var platform: String
    @Field(key: "status") public var status: String
    @OptionalField(key: "resume_status") public var resumeStatus: String?
    @Field(key: "current_phase") public var currentPhase: String
    @Field(key: "definition_id") public var definitionID: String
    @Field(key: "definition_version") public var definitionVersion: Int
    @Field(key: "definition_hash") public var definitionHash: String
    /// The order's fields as a JSON object of strings.
    @Field(key: "fields") public var fields: String
    /// The order's `system_name`, kept beside `fields` so that lists need not parse every order.
    @OptionalField(key: "system_name") public var systemName: String?
    /// When the order was first submitted; orders the queue.
    @OptionalField(key: "submitted_at") public var submittedAt: Date?

    public init() {}
}

/// The state of one checklist item on one case; items nobody touched have no row.
public final class CaseItemModel: Model, @unchecked Sendable {
    public static let schema = "case_items"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "case_id") public var `case`: CaseModel
    @Field(key: "item_id") public var itemID: String
    @Field(key: "status") public var status: String
    @OptionalField(key: "changed_by") public var changedBy: String?
    @OptionalField(key: "changed_at") public var changedAt: Date?
    @OptionalField(key: "reason") public var reason: String?
    /// JSON array of evidence references.
    @Field(key: "evidence") public var evidence: String

    public init() {}
}

/// A decision taken at a gate; kept even when the item is reopened and decided again.
public final class CaseDecisionModel: Model, @unchecked Sendable {
    public static let schema = "case_decisions"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "case_id") public var `case`: CaseModel
    @Field(key: "item_id") public var itemID: String
    @Field(key: "outcome") public var outcome: String
    @Field(key: "decided_by") public var decidedBy: String
    @Field(key: "decided_at") public var decidedAt: Date
    @OptionalField(key: "reason") public var reason: String?

    public init() {}
}

/// A comment or a question on a case (or one of its items), with its messages.
public final class CaseThreadModel: Model, @unchecked Sendable {
    public static let schema = "case_threads"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "case_id") public var `case`: CaseModel
    @OptionalField(key: "item_id") public var itemID: String?
    /// `comment` or `question`.
    @Field(key: "kind") public var kind: String
    /// `open`, `answered` or `closed` (comments are always `open`).
    @Field(key: "status") public var status: String
    @Field(key: "created_by") public var createdBy: UUID
    @OptionalField(key: "created_at") public var createdAt: Date?
    @Children(for: \.$thread) public var messages: [CaseMessageModel]

    public init() {}
}

/// One message in a thread.
public final class CaseMessageModel: Model, @unchecked Sendable {
    public static let schema = "case_messages"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "thread_id") public var thread: CaseThreadModel
    @Field(key: "author_id") public var authorID: UUID
    @Field(key: "body") public var body: String
    @OptionalField(key: "created_at") public var createdAt: Date?

    public init() {}
}

/// One uploaded version of one kind of document on a case.
public final class CaseDocumentModel: Model, @unchecked Sendable {
    public static let schema = "case_documents"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "case_id") public var `case`: CaseModel
    /// A `DocumentKind` raw value.
    @Field(key: "kind") public var kind: String
    /// 1 for the first upload of the kind on the case, then counting up.
    @Field(key: "version") public var version: Int
    @Field(key: "file_name") public var fileName: String
    /// As detected from the content, not as the client claimed.
    @Field(key: "content_type") public var contentType: String
    @Field(key: "size") public var size: Int64
    /// Lower-case hex; also the content's name in the blob store.
    @Field(key: "sha256") public var sha256: String
    @Field(key: "uploaded_by") public var uploadedBy: UUID
    @Field(key: "uploaded_at") public var uploadedAt: Date

    public init() {}
}
