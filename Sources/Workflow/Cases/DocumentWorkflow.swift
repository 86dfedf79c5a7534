import Domain
import Foundation
import Persistence

/// Adding a document to a case: who may (``UploadPermission``), what the file must be (``DocumentUpload``),
/// the content into the blob store first, then the row with its audit event in one transaction.
public enum DocumentWorkflow {
    /// Checks and stores `data` as the next version of `kind` on the case. Audited as `case.document.upload`
    /// (kind, version, hash, size and name; never the content). Someone who cannot see the case gets
    /// `CaseNotFound`, before anything is written; a failed file write leaves no row, a failed transaction at
    /// most a file nothing points at.
    public static func upload(
        kind rawKind: String, fileName rawName: String, data: Data, on caseID: UUID, by principal: Principal,
        maximumSize: Int, blobs: BlobStore, fileWork: any BlockingWork, in store: Store, clock: any WallClock
    ) async throws -> CaseDocuments.Document {
        let (record, roles) = try await CaseAccess.visibleCase(caseID, to: principal, on: store)
        if let refusal = UploadPermission.refusal(roles: roles, status: record.state.status) {
            throw CaseRefused(refusal: refusal)
        }
        let fileName = DocumentFileName.sanitised(rawName)
        let kind = try DocumentUpload.kind(rawKind)
        // Sniffing, hashing and writing a file of many megabytes would hold up every request on the loop.
        let (detected, hash) = try await fileWork.run {
            let detected = try DocumentUpload.contentType(of: data, fileName: fileName, maximumSize: maximumSize)
            return (detected, try blobs.store(data))
        }
        return try await store.write(clock: clock) { tx in
            // Again inside the transaction: the case may have moved on since the check above.
            let (record, roles) = try await CaseAccess.visibleCase(caseID, to: principal, on: tx.store)
            if let refusal = UploadPermission.refusal(roles: roles, status: record.state.status) {
                throw CaseRefused(refusal: refusal)
            }
            let document = try await CaseDocuments.insert(
                kind: kind, fileName: fileName, contentType: detected.mediaType, size: data.count, sha256: hash,
                on: caseID, by: principal.userID, in: tx)
            try await tx.audit(AuditEventDraft(
                actor: principal.actor, action: .documentUpload, subject: record.subject,
                payload: [
                    "document": .string(document.id.uuidString.lowercased()), "kind": .string(kind.rawValue),
                    "version": .int(Int64(document.version)), "sha256": .string(hash),
                    "size": .int(Int64(document.size)), "name": .string(fileName),
                    "contentType": .string(document.contentType),
                ]))
            return document
        }
    }
}
