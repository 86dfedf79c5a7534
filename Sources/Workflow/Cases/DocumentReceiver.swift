import Domain
import Foundation
import Persistence

/// A document arriving in pieces (an HTTP upload as it streams in): each piece is sized, sniffed and hashed on
/// its way to a temporary file in the blob store, on the blocking-work pool, so the file is never held whole
/// and no event loop waits for the disk. Past the size limit it stops at once with the refusal at `file`.
/// `DocumentWorkflow.upload` takes the finished receiver. Used by one task at a time.
public final class DocumentReceiver: @unchecked Sendable {
    /// The file's name as stored (made safe by ``DocumentFileName``).
    private let fileName: String
    private let maximumSize: Int
    private let upload: BlobUpload
    private let fileWork: any BlockingWork
    private var sniffing = ContentSniffer.Incremental()

    /// Starts receiving a file called `rawName`, allowed up to `maximumSize` bytes.
    public static func start(
        fileName rawName: String, maximumSize: Int, blobs: BlobStore, fileWork: any BlockingWork
    ) async throws -> DocumentReceiver {
        let upload = try await fileWork.run { try BlobUpload(into: blobs) }
        return DocumentReceiver(
            fileName: DocumentFileName.sanitised(rawName), maximumSize: maximumSize, upload: upload, fileWork: fileWork)
    }

    private init(fileName: String, maximumSize: Int, upload: BlobUpload, fileWork: any BlockingWork) {
        self.fileName = fileName
        self.maximumSize = maximumSize
        self.upload = upload
        self.fileWork = fileWork
    }

    /// Takes the next piece. A piece that carries the file past the limit discards what came and throws
    /// `DocumentUpload.tooLarge`.
    public func receive(_ piece: [UInt8]) async throws {
        guard upload.size + piece.count <= maximumSize else {
            discard()
            throw DocumentUpload.tooLarge(maximumSize: maximumSize)
        }
        try await fileWork.run { [self] in
            sniffing.consume(piece)
            try upload.append(piece)
        }
    }

    /// The file as received, its content moved into the blob store; or the refusal at `file` (empty, a type not
    /// allowed), with nothing kept.
    func finish() async throws -> ReceivedDocument {
        let detected: DetectedContentType
        do {
            detected = try DocumentUpload.contentType(sniffing, fileName: fileName)
        } catch {
            discard()
            throw error
        }
        let size = upload.size
        let hash = try await fileWork.run { [upload] in try upload.keep() }
        return ReceivedDocument(fileName: fileName, contentType: detected.mediaType, size: size, sha256: hash)
    }

    /// Removes what came; nothing is stored.
    public func discard() {
        upload.discard()
    }
}

/// A document's content once it is in the blob store: what its row records.
struct ReceivedDocument: Sendable {
    let fileName: String
    let contentType: String
    let size: Int
    let sha256: String
}
