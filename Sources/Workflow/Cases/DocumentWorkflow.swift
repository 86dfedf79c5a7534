import Domain
import Foundation
import Persistence

/// Adding a document to a case: who may (``UploadPermission``), what the file must be (``DocumentUpload``),
/// the content into the blob store first, then the row with its audit event in one transaction.
public enum DocumentWorkflow {
    /// Whether `principal` may add a document to the case now; asked before an upload is received, so a file
    /// is not taken in for nothing. Throws `CaseNotFound` for a case they cannot see, `CaseRefused` otherwise.
    public static func checkMayUpload(on caseID: UUID, by principal: Principal, in store: Store) async throws {
        let (record, roles) = try await CaseAccess.visibleCase(caseID, to: principal, on: store)
        if let refusal = UploadPermission.refusal(roles: roles, status: record.state.status) {
            throw CaseRefused(refusal: refusal)
        }
    }

    /// Stores the received file as the next version of `kind` on the case; `checkMayUpload` came before it was
    /// received, and the rule is checked again in the transaction. Audited as `case.document.upload`
    /// (kind, version, hash, size and name; never the content). A refusal (an unknown kind, the file's type, the
    /// case gone past uploads) keeps nothing of the file; a failed transaction at most a blob nothing points at.
    public static func upload(
        kind rawKind: String, _ receiver: DocumentReceiver, on caseID: UUID, by principal: Principal,
        in store: Store, clock: any WallClock
    ) async throws -> CaseDocuments.Document {
        let kind: DocumentKind
        do {
            kind = try DocumentUpload.kind(rawKind)
        } catch {
            receiver.discard()
            throw error
        }
        let file = try await receiver.finish()
        return try await store.write(clock: clock) { tx in
            // Again inside the transaction: the case may have moved on since the check above.
            let (record, roles) = try await CaseAccess.visibleCase(caseID, to: principal, on: tx.store)
            if let refusal = UploadPermission.refusal(roles: roles, status: record.state.status) {
                throw CaseRefused(refusal: refusal)
            }
            let document = try await CaseDocuments.insert(
                kind: kind, fileName: file.fileName, contentType: file.contentType, size: file.size,
                sha256: file.sha256, on: caseID, by: principal.userID, in: tx)
            try await tx.audit(AuditEventDraft(
                actor: principal.actor, action: .documentUpload, subject: record.subject,
                payload: [
                    "document": .string(document.id.uuidString.lowercased()), "kind": .string(kind.rawValue),
                    "version": .int(Int64(document.version)), "sha256": .string(file.sha256),
                    "size": .int(Int64(document.size)), "name": .string(file.fileName),
                    "contentType": .string(document.contentType),
                ]))
            return document
        }
    }

    /// Stores `data`, already whole (the demo's and the tests' documents), through the same checks.
    public static func upload(
        kind: String, fileName: String, data: Data, on caseID: UUID, by principal: Principal,
        maximumSize: Int, blobs: BlobStore, fileWork: any BlockingWork, in store: Store, clock: any WallClock
    ) async throws -> CaseDocuments.Document {
        try await checkMayUpload(on: caseID, by: principal, in: store)
        let receiver = try await DocumentReceiver.start(
            fileName: fileName, maximumSize: maximumSize, blobs: blobs, fileWork: fileWork)
        try await receiver.receive(Array(data))
        return try await upload(kind: kind, receiver, on: caseID, by: principal, in: store, clock: clock)
    }
}
