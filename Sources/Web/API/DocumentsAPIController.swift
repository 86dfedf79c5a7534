import Domain
import Persistence
import Workflow
import Vapor

/// Documents on a case: `/api/v1/cases/{id}/documents…`. Each route looks the case up through
/// `CaseAccess.visibleCase`, so a case (or a document) that is not the caller's answers 404.
enum DocumentsAPIController {
    /// The multipart form of an upload, for the API and the case page alike.

    struct DocumentDTO: Content {
        let id: UUID
        let kind: DocumentKind
        let version: Int
        let fileName: String
        let contentType: String
        let size: Int
        let sha256: String
        let uploadedBy: UUID
        let uploadedAt: Date
        /// Where the content is downloaded.
        let href: String

        init(_ document: CaseDocuments.Document) {
            id = document.id
            kind = document.kind
            version = document.version
            fileName = document.fileName
            contentType = document.contentType
            size = document.size
            sha256 = document.sha256
            uploadedBy = document.uploadedBy
            uploadedAt = document.uploadedAt
            href = "/api/v1/cases/\(document.caseID.uuidString.lowercased())/documents/\(document.id.uuidString.lowercased())"
        }
    }

    /// One kind's documents: the newest version, and every version newest first.
    struct KindDTO: Content {
        let kind: DocumentKind
        let title: LocalizedText
        let latest: DocumentDTO
        let versions: [DocumentDTO]
    }

    static func list(req: Request) async throws -> [KindDTO] {
        let principal = try req.requirePrincipal()
        let (record, _) = try await CaseAccess.visibleCase(try req.uuidParameter("id"), to: principal, on: req.store)
        let documents = try await CaseDocuments.documents(of: record.id, on: req.store)
        return DocumentKind.allCases.compactMap { kind in
            let versions = documents.filter { $0.kind == kind }.map(DocumentDTO.init)
            guard let latest = versions.first else { return nil }
            return KindDTO(kind: kind, title: kind.title, latest: latest, versions: versions)
        }
    }

    static func upload(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let caseID = try req.uuidParameter("id")
        let document = try await DocumentTransfer.store(req, caseID: caseID, principal: principal, checkingFormToken: false)
        return try await DocumentDTO(document).encodeResponse(status: .created, for: req)
    }

    static func download(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let (record, _) = try await CaseAccess.visibleCase(try req.uuidParameter("id"), to: principal, on: req.store)
        let document = try await CaseDocuments.document(try req.uuidParameter("document"), of: record.id, on: req.store)
        return try await DocumentTransfer.serve(document, req: req)
    }
}
