import Domain
import Persistence
import Workflow
import Vapor

/// Documents on a case: `/api/v1/cases/{id}/documents…`. Each route looks the case up through
/// `CaseAccess.visibleCase`, so a case (or a document) that is not the caller's answers 404.
enum DocumentsAPIController {
    /// The multipart form of an upload, for the API and the case page alike.
    struct UploadForm: Content {
        let kind: String?
        let file: File?
    }

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
        let (record, _) = try await CaseAccess.visibleCase(try id(req, "id"), to: principal, on: req.store)
        let documents = try await CaseDocuments.documents(of: record.id, on: req.store)
        return DocumentKind.allCases.compactMap { kind in
            let versions = documents.filter { $0.kind == kind }.map(DocumentDTO.init)
            guard let latest = versions.first else { return nil }
            return KindDTO(kind: kind, title: kind.title, latest: latest, versions: versions)
        }
    }

    static func upload(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let caseID = try id(req, "id")
        let document = try await store(req, caseID: caseID, principal: principal)
        return try await DocumentDTO(document).encodeResponse(status: .created, for: req)
    }

    static func download(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let (record, _) = try await CaseAccess.visibleCase(try id(req, "id"), to: principal, on: req.store)
        let document = try await CaseDocuments.document(try id(req, "document"), of: record.id, on: req.store)
        return try await serve(document, req: req)
    }

    /// Decodes an upload form and stores it; the page's upload uses the same.
    static func store(_ req: Request, caseID: UUID, principal: Principal) async throws -> CaseDocuments.Document {
        // The case first, so someone else's case is a 404 whatever the body holds.
        _ = try await CaseAccess.visibleCase(caseID, to: principal, on: req.store)
        let form = try req.content.decode(UploadForm.self)
        guard let file = form.file, file.data.readableBytes > 0 || !file.filename.isEmpty else {
            throw ValidationFailure([.required("file", label: LocalizedText(sv: "Filen", en: "The file"))])
        }
        var buffer = file.data
        let data = buffer.readData(length: buffer.readableBytes) ?? Data()
        return try await DocumentWorkflow.upload(
            kind: form.kind ?? "", fileName: file.filename, data: data, on: caseID, by: principal,
            maximumSize: req.application.config.maxUploadBytes,
            blobs: BlobStore(dataDirectory: req.application.config.dataDirectory), fileWork: req.application.fileWork,
            in: req.store, clock: req.application.config.clock)
    }

    /// The stored content as a download: its detected type, never sniffed, never shown inline.
    static func serve(_ document: CaseDocuments.Document, req: Request) async throws -> Response {
        let store = BlobStore(dataDirectory: req.application.config.dataDirectory)
        let body = try await req.fileio.collectFile(at: store.url(sha256: document.sha256).path)
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: document.contentType)
        headers.replaceOrAdd(name: .contentDisposition, value: DocumentFileName.contentDisposition(document.fileName))
        headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        headers.replaceOrAdd(name: .eTag, value: "\"\(document.sha256)\"")
        return Response(status: .ok, headers: headers, body: .init(buffer: body))
    }

    /// The body limit of the upload routes: the largest file plus room for the form around it.
    static func bodyLimit(_ config: AppConfig) -> ByteCount {
        ByteCount(value: config.maxUploadBytes + 1_048_576)
    }

    // A malformed id is as unknown as an absent one.
    private static func id(_ req: Request, _ name: String) throws -> UUID {
        guard let id = req.parameters.get(name).flatMap(UUID.init(uuidString:)) else { throw CaseNotFound() }
        return id
    }
}
