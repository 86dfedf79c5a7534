import Domain
import Foundation
import Persistence
import Vapor
import Workflow

/// A document's way in and out, shared by the case page and the JSON API so that neither calls the other:
/// the upload form decoded and handed to `DocumentWorkflow`, the stored content served as a download.
enum DocumentTransfer {
    struct UploadForm: Content {
        let kind: String?
        let file: File?
    }

    /// Decodes an upload form and stores it; the page's upload uses the same.
    static func store(_ req: Request, caseID: UUID, principal: Principal) async throws -> CaseDocuments.Document {
        // The case first, so someone else's case is a 404 whatever the body holds.
        _ = try await CaseAccess.visibleCase(caseID, to: principal, on: req.store)
        let form: UploadForm
        do {
            form = try req.content.decode(UploadForm.self)
        } catch let abort as any AbortError {
            throw abort  // a body that is no form at all: 415
        } catch {
            // A multipart body that does not parse (a missing boundary, a part without headers) is the sender's
            // mistake, answered at the field like any other, never a 500.
            throw ValidationFailure([FieldError(
                field: "file", code: "malformed-upload",
                message: LocalizedText(
                    sv: "Uppladdningen kunde inte läsas som ett formulär (multipart/form-data med fälten kind och file).",
                    en: "The upload could not be read as a form (multipart/form-data with the fields kind and file)."))])
        }
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
}
