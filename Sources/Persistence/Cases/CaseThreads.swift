import Domain
import FluentKit
import Foundation

/// Comments and questions on a case, between the platform team and the applicant.
///
/// A question is open until someone on the other side replies (answered) and is then closed by its asker
/// or the platform team. Anyone who sees the case may comment and ask.
public enum CaseThreads {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case comment
        case question
    }

    public enum Status: String, Sendable, Codable {
        case open
        case answered
        case closed
    }

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

    /// The longest message.
    public static let maximumLength = 20_000

    /// Starts a thread with its first message. Audited.
    public static func open(
        _ kind: Kind, item: String?, text: String, on caseID: UUID, by principal: Principal, in store: Store
    ) async throws -> Thread {
        let db = store.database
        try check(text)
        return try await db.write { tx in
            let (record, _) = try await CaseService.visibleCase(caseID, to: principal, on: tx.store)
            if let item {
                let definition = try await DefinitionStore.definition(record.state.definition, on: tx.store)
                guard definition.phases.contains(where: { $0.items.contains { $0.id.rawValue == item } }) else {
                    throw ValidationFailure([FieldError(
                        field: "item", code: "unknown-item",
                        message: LocalizedText(sv: "Processen har ingen punkt \"\(item)\".",
                                               en: "The process has no item \"\(item)\"."))])
                }
            }
            let thread = CaseThreadModel()
            thread.$case.id = caseID
            thread.itemID = item
            thread.kind = kind.rawValue
            thread.status = Status.open.rawValue
            thread.createdBy = principal.userID
            try await thread.create(on: tx.database)
            let threadID = try thread.requireID()
            try await addMessage(text, to: threadID, by: principal.userID, on: tx.database)
            try await tx.audit(AuditEventDraft(
                actor: principal.actor, action: .threadOpen, subject: record.subject,
                payload: ["thread": .string(threadID.uuidString), "kind": .string(kind.rawValue),
                          "item": item.map(CanonicalJSON.string) ?? .null, "text": .string(text)]))
            return try await load(threadID, on: tx.database)
        }
    }

    /// Adds a reply; a reply from the other side answers an open question. Audited.
    public static func reply(
        _ text: String, to threadID: UUID, on caseID: UUID, by principal: Principal, in store: Store
    ) async throws -> Thread {
        let db = store.database
        try check(text)
        return try await db.write { tx in
            let (record, roles) = try await CaseService.visibleCase(caseID, to: principal, on: tx.store)
            let thread = try await model(threadID, caseID: caseID, on: tx.database)
            guard thread.status != Status.closed.rawValue else {
                throw CaseRefused(refusal: CaseRefusal(.wrongState, LocalizedText(
                    sv: "Frågan är stängd.", en: "The question is closed.")))
            }
            try await addMessage(text, to: threadID, by: principal.userID, on: tx.database)
            let askerIsApplicant = try await isApplicant(thread.createdBy, of: record, on: tx.database)
            let replierIsApplicant = roles == [.applicant]
            if thread.kind == Kind.question.rawValue, thread.status == Status.open.rawValue,
               askerIsApplicant != replierIsApplicant
            {
                thread.status = Status.answered.rawValue
                try await thread.update(on: tx.database)
            }
            try await tx.audit(AuditEventDraft(
                actor: principal.actor, action: .threadReply, subject: record.subject,
                payload: ["thread": .string(threadID.uuidString), "text": .string(text), "status": .string(thread.status)]))
            return try await load(threadID, on: tx.database)
        }
    }

    /// Closes a question; its asker or the platform team may. Audited.
    public static func close(_ threadID: UUID, on caseID: UUID, by principal: Principal, in store: Store) async throws
        -> Thread
    {
        let db = store.database
        return try await db.write { tx in
            let (record, roles) = try await CaseService.visibleCase(caseID, to: principal, on: tx.store)
            let thread = try await model(threadID, caseID: caseID, on: tx.database)
            guard thread.createdBy == principal.userID || roles != [.applicant] else {
                throw CaseRefused(refusal: CaseRefusal(.missingRole, LocalizedText(
                    sv: "Endast den som frågade eller plattformsteamet stänger en fråga.",
                    en: "Only the asker or the platform team closes a question.")))
            }
            thread.status = Status.closed.rawValue
            try await thread.update(on: tx.database)
            try await tx.audit(AuditEventDraft(
                actor: principal.actor, action: .threadClose, subject: record.subject,
                payload: ["thread": .string(threadID.uuidString)]))
            return try await load(threadID, on: tx.database)
        }
    }

    /// Every thread of a case, oldest first, with messages.
    public static func threads(of caseID: UUID, on store: Store) async throws -> [Thread] {
        let db = store.database
        return try await CaseThreadModel.query(on: db).filter(\.$case.$id == caseID).with(\.$messages)
            .sort(\.$createdAt).all().map(thread)
    }

    private static func load(_ id: UUID, on db: any Database) async throws -> Thread {
        guard let model = try await CaseThreadModel.query(on: db).filter(\.$id == id).with(\.$messages).first() else {
            throw CaseNotFound()
        }
        return try thread(model)
    }

    private static func model(_ id: UUID, caseID: UUID, on db: any Database) async throws -> CaseThreadModel {
        guard let model = try await CaseThreadModel.query(on: db).filter(\.$id == id).filter(\.$case.$id == caseID).first()
        else { throw CaseNotFound() }
        return model
    }

    private static func addMessage(_ text: String, to threadID: UUID, by author: UUID, on db: any Database) async throws {
        let message = CaseMessageModel()
        message.$thread.id = threadID
        message.authorID = author
        message.body = text
        try await message.create(on: db)
    }

    private static func isApplicant(_ userID: UUID, of record: CaseRecord, on db: any Database) async throws -> Bool {
        guard let principal = try await AccountStore.principal(userID: userID, on: Store(db)) else { return false }
        return principal.roles(
            onCaseOf: record.platform, organisation: record.organisationID, status: record.state.status) == [.applicant]
    }

    private static func check(_ text: String) throws {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty {
            throw ValidationFailure([.required("text", label: LocalizedText(sv: "Texten", en: "The text"))])
        }
        if let error = FreeText.check(text, field: "text") { throw ValidationFailure([error]) }
        if text.count > maximumLength {
            throw ValidationFailure([FieldError(
                field: "text", code: "too-long",
                message: LocalizedText(sv: "Texten får vara högst \(maximumLength) tecken.",
                                       en: "The text may be at most \(maximumLength) characters."))])
        }
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
