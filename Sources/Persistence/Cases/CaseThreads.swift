import Domain
import FluentKit
import Foundation

/// Comments and questions on a case, between the platform team and the applicant.
///
/// A question is open until someone on the other side replies (answered) and is then closed by its asker
/// or the platform team. Anyone who sees the case may comment and ask.
public enum CaseThreads {
    public typealias Kind = ThreadKind
    public typealias Status = ThreadStatus

    public struct Message: Sendable, Hashable {
        public let authorID: UUID
        public let body: String
        public let createdAt: Date
    }

    public struct Thread: Sendable, Hashable {
        public let id: UUID
        public let kind: Kind
        public let status: Status
        public let item: String?
        public let createdBy: UUID
        public let messages: [Message]
    }

    /// Stores a new thread with its first message; returns its id. The workflow checks the rules and audits.
    public static func insert(
        _ kind: Kind, item: String?, text: String, on caseID: UUID, by author: UUID, in tx: WriteTransaction
    ) async throws -> UUID {
        let thread = CaseThreadModel()
        thread.$case.id = caseID
        thread.itemID = item
        thread.kind = kind.rawValue
        thread.status = Status.open.rawValue
        thread.createdBy = author
        thread.createdAt = tx.now
        try await thread.create(on: tx.database)
        let threadID = try thread.requireID()
        try await addMessage(text, to: threadID, by: author, in: tx)
        return threadID
    }

    /// Adds a message to a thread.
    public static func addMessage(_ text: String, to threadID: UUID, by author: UUID, in tx: WriteTransaction) async throws {
        let message = CaseMessageModel()
        message.$thread.id = threadID
        message.authorID = author
        message.body = text
        message.createdAt = tx.now
        try await message.create(on: tx.database)
    }

    /// Sets a thread's status.
    public static func setStatus(_ status: Status, of threadID: UUID, in tx: WriteTransaction) async throws {
        try await CaseThreadModel.query(on: tx.database).filter(\.$id == threadID).set(\.$status, to: status.rawValue).update()
    }

    /// One thread of the case with its messages, or `CaseNotFound` (also for a thread of another case).
    public static func thread(_ id: UUID, of caseID: UUID, on store: Store) async throws -> Thread {
        guard let model = try await CaseThreadModel.query(on: store.database).filter(\.$id == id)
            .filter(\.$case.$id == caseID).with(\.$messages).first()
        else { throw CaseNotFound() }
        return try thread(model)
    }

    /// Every thread of a case, oldest first, with messages.
    public static func threads(of caseID: UUID, on store: Store) async throws -> [Thread] {
        let db = store.database
        return try await CaseThreadModel.query(on: db).filter(\.$case.$id == caseID).with(\.$messages)
            .sort(\.$createdAt).all().map(thread)
    }

    private static func thread(_ model: CaseThreadModel) throws -> Thread {
        Thread(
            id: try model.requireID(), kind: Kind(rawValue: model.kind) ?? .comment,
            status: Status(rawValue: model.status) ?? .open, item: model.itemID, createdBy: model.createdBy,
            messages: model.messages.sorted { ($0.createdAt ?? .distantPast) < ($1.createdAt ?? .distantPast) }.map {
                Message(authorID: $0.authorID, body: $0.body, createdAt: $0.createdAt ?? .distantPast)
            })
    }
}
