import Domain
import Foundation
import Persistence
import Vapor
import Workflow

/// A document's way in and out, shared by the case page and the JSON API so that neither calls the other:
/// the upload form decoded and handed to `DocumentWorkflow`, the stored content served as a download.
enum DocumentTransfer {
    /// Receives an upload form as it streams in and stores its file. Someone else's case is a 404 and a refused
    /// upload its reason before a byte of the body is read. `formToken` checks the page's form token, which must
    /// come before the file; the API, signed in by bearer token, has none.
    static func store(
        _ req: Request, caseID: UUID, principal: Principal, checkingFormToken formToken: Bool
    ) async throws -> CaseDocuments.Document {
        try await DocumentWorkflow.checkMayUpload(on: caseID, by: principal, in: req.store)
        let config = req.application.config
        let blobs = BlobStore(dataDirectory: config.dataDirectory)
        let fileWork = req.application.fileWork
        let form = try await StreamedUploadForm.read(
            req, bodyLimit: bodyLimit(config).value,
            start: { name in
                try await DocumentReceiver.start(
                    fileName: name, maximumSize: config.maxUploadBytes, blobs: blobs, fileWork: fileWork)
            },
            beforeFile: { fields in if formToken { try req.checkFormToken(sent: fields["csrf"] ?? "") } })
        guard let file = form.file else {
            // No file, so `beforeFile` never ran: the token is checked here, before the refusal is shown.
            if formToken { try req.checkFormToken(sent: form.fields["csrf"] ?? "") }
            throw ValidationFailure([.required("file", label: LocalizedText(sv: "Filen", en: "The file"))])
        }
        return try await DocumentWorkflow.upload(
            kind: form.fields["kind"] ?? "", file, on: caseID, by: principal, in: req.store, clock: config.clock)
    }

    /// The stored content as a download: its detected type, never sniffed, never shown inline.
    static func serve(_ document: CaseDocuments.Document, req: Request) async throws -> Response {
        let store = BlobStore(dataDirectory: req.application.config.dataDirectory)
        guard let file = store.existingURL(sha256: document.sha256) else {
            throw Abort(.notFound, reason: "The document's content is not in the data folder.")
        }
        let body = try await req.fileio.collectFile(at: file.path)
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: document.contentType)
        headers.replaceOrAdd(name: .contentDisposition, value: DocumentFileName.contentDisposition(document.fileName))
        headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        headers.replaceOrAdd(name: .eTag, value: "\"\(document.sha256)\"")
        return Response(status: .ok, headers: headers, body: .init(buffer: body))
    }

    /// The body limit of the upload routes: the largest file plus room for the form around it. Bodies of these
    /// routes stream (`StreamedUploadForm` keeps to the limit).
    static func bodyLimit(_ config: AppConfig) -> ByteCount {
        ByteCount(value: config.maxUploadBytes + 1_048_576)
    }
}
