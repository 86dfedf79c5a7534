import Domain
import FluentKit
import Foundation

/// Documents on a case: every upload of a kind is its next version, earlier versions stay. The content is
/// checked (size, type by its bytes), stored content-addressed in a `BlobStore`, and only then recorded, in
/// one transaction with its audit event; a failed write to disk leaves no row, and a failed transaction at
/// most a file nothing points at.
public enum CaseDocuments {
    public struct Document: Sendable, Hashable {
        public let id: UUID
        public let caseID: UUID
        public let kind: DocumentKind
        public let version: Int
        public let fileName: String
        public let contentType: String
        public let size: Int
        public let sha256: String
        public let uploadedBy: UUID
        public let uploadedAt: Date
    }

    /// Stores a document row as the next version of `kind` on the case; the content is already in the blob
    /// store under `sha256`. The workflow checks who may and what the file is, and audits.
    public static func insert(
        kind: DocumentKind, fileName: String, contentType: String, size: Int, sha256: String, on caseID: UUID,
        by uploader: UUID, in tx: WriteTransaction
    ) async throws -> Document {
        let latest = try await CaseDocumentModel.query(on: tx.database)
            .filter(\.$case.$id == caseID).filter(\.$kind == kind.rawValue)
            .sort(\.$version, .descending).first()
        let model = CaseDocumentModel()
        model.$case.id = caseID
        model.kind = kind.rawValue
        model.version = (latest?.version ?? 0) + 1
        model.fileName = fileName
        model.contentType = contentType
        model.size = Int64(size)
        model.sha256 = sha256
        model.uploadedBy = uploader
        model.uploadedAt = tx.now
        try await model.create(on: tx.database)
        return try document(model)
    }

    /// Every document of a case: kinds in `DocumentKind` order, newest version first within a kind.
    public static func documents(of caseID: UUID, on store: Store) async throws -> [Document] {
        let db = store.database
        let order = Dictionary(uniqueKeysWithValues: DocumentKind.allCases.enumerated().map { ($1, $0) })
        return try await CaseDocumentModel.query(on: db).filter(\.$case.$id == caseID).all().map(document)
            .sorted { ((order[$0.kind] ?? 0), -$0.version) < ((order[$1.kind] ?? 0), -$1.version) }
    }

    /// One document of the case, or `CaseNotFound` (also when the id belongs to another case).
    public static func document(_ id: UUID, of caseID: UUID, on store: Store) async throws -> Document {
        let db = store.database
        guard let model = try await CaseDocumentModel.query(on: db).filter(\.$id == id).filter(\.$case.$id == caseID)
            .first()
        else { throw CaseNotFound() }
        return try document(model)
    }

    private static func document(_ model: CaseDocumentModel) throws -> Document {
        Document(
            id: try model.requireID(), caseID: model.$case.id, kind: DocumentKind(rawValue: model.kind) ?? .other,
            version: model.version, fileName: model.fileName, contentType: model.contentType, size: Int(model.size),
            sha256: model.sha256, uploadedBy: model.uploadedBy, uploadedAt: model.uploadedAt)
    }
}
