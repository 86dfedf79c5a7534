import Domain
import Foundation
import Persistence

/// Comments and questions on a case: each change checks ``ThreadRules`` and is stored with its audit event in
/// one write transaction. Anyone who sees the case may comment and ask.
public enum ThreadWorkflow {
    /// Starts a thread with its first message, on the case or one of its process's items.
    public static func open(
        _ kind: ThreadKind, item: String?, text: String, on caseID: UUID, by principal: Principal,
        in store: Store, clock: any WallClock
    ) async throws -> CaseThreads.Thread {
        let errors = ThreadRules.textErrors(text)
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        return try await store.write(clock: clock) { tx in
            let (record, _) = try await CaseAccess.visibleCase(caseID, to: principal, on: tx.store)
            if let item {
                let definition = try await DefinitionStore.definition(record.state.definition, on: tx.store)
                guard definition.item(ItemID(rawValue: item)) != nil else {
                    throw ValidationFailure([FieldError(
                        field: "item", code: "unknown-item",
                        message: LocalizedText(sv: "Processen har ingen punkt \"\(item)\".",
                                               en: "The process has no item \"\(item)\"."))])
                }
            }
            let threadID = try await CaseThreads.insert(kind, item: item, text: text, on: caseID, by: principal.userID, in: tx)
            try await tx.audit(AuditEventDraft(
                actor: principal.actor, action: .threadOpen, subject: record.subject,
                payload: ["thread": .string(threadID.uuidString), "kind": .string(kind.rawValue),
                          "item": item.map(CanonicalJSON.string) ?? .null, "text": .string(text)]))
            return try await CaseThreads.thread(threadID, of: caseID, on: tx.store)
        }
    }

    /// Adds a reply; a reply from the other side answers an open question.
    public static func reply(
        _ text: String, to threadID: UUID, on caseID: UUID, by principal: Principal, in store: Store,
        clock: any WallClock
    ) async throws -> CaseThreads.Thread {
        let errors = ThreadRules.textErrors(text)
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        return try await store.write(clock: clock) { tx in
            let (record, roles) = try await CaseAccess.visibleCase(caseID, to: principal, on: tx.store)
            let thread = try await CaseThreads.thread(threadID, of: caseID, on: tx.store)
            if let refusal = ThreadRules.replyRefusal(status: thread.status) { throw CaseRefused(refusal: refusal) }
            let asker = try await AccountStore.principal(userID: thread.createdBy, on: tx.store)
            let askerRoles = asker?.roles(onCaseOf: record.platform, organisation: record.organisationID, status: record.state.status)
            let status = ThreadRules.status(
                afterReplyTo: thread.kind, in: thread.status, askerIsApplicant: askerRoles == [.applicant],
                replierIsApplicant: roles == [.applicant])
            try await CaseThreads.addMessage(text, to: threadID, by: principal.userID, in: tx)
            if status != thread.status { try await CaseThreads.setStatus(status, of: threadID, in: tx) }
            try await tx.audit(AuditEventDraft(
                actor: principal.actor, action: .threadReply, subject: record.subject,
                payload: ["thread": .string(threadID.uuidString), "text": .string(text), "status": .string(status.rawValue)]))
            return try await CaseThreads.thread(threadID, of: caseID, on: tx.store)
        }
    }

    /// Closes a question; its asker or the platform team may.
    public static func close(
        _ threadID: UUID, on caseID: UUID, by principal: Principal, in store: Store, clock: any WallClock
    ) async throws -> CaseThreads.Thread {
        try await store.write(clock: clock) { tx in
            let (record, roles) = try await CaseAccess.visibleCase(caseID, to: principal, on: tx.store)
            let thread = try await CaseThreads.thread(threadID, of: caseID, on: tx.store)
            if let refusal = ThreadRules.closeRefusal(askedBy: thread.createdBy, closer: principal.userID, roles: roles) {
                throw CaseRefused(refusal: refusal)
            }
            try await CaseThreads.setStatus(.closed, of: threadID, in: tx)
            try await tx.audit(AuditEventDraft(
                actor: principal.actor, action: .threadClose, subject: record.subject,
                payload: ["thread": .string(threadID.uuidString)]))
            return try await CaseThreads.thread(threadID, of: caseID, on: tx.store)
        }
    }
}
