import Domain
import Foundation
import Persistence
import StorageTestSupport
import Testing
import Workflow

@Suite("Storing a document")
struct DocumentWorkflowTests {
    /// Runs the work where it is, and notes that it was asked to, and whether the blob was written inside it.
    final class RecordingWork: BlockingWork, @unchecked Sendable {
        let blobs: BlobStore
        private let lock = NSLock()
        private(set) var sawBlobWritten = false
        init(blobs: BlobStore) { self.blobs = blobs }

        func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
            let result = try body()
            let written = (try? FileManager.default.contentsOfDirectory(atPath: blobs.root.path).isEmpty == false) ?? false
            lock.withLock { sawBlobWritten = sawBlobWritten || written }
            return result
        }
    }

    @Test("the file is sniffed, hashed and written inside the blocking work, then its row and audit event are stored")
    func fileWorkOffTheLoop() async throws {
        try await withTestStorage { storage in
            let applicant = try await TestUsers.create("anna@vardgivare.example", role: .applicant, organisation: "5565594230", in: storage.store, clock: storage.clock)
            let principal = try #require(try await AccountStore.principal(userID: applicant.id, on: storage.store))
            let draft = try await CaseWorkflow.create(platform: "BFR", fields: [:], by: principal, in: storage.store, clock: storage.clock)
            let blobs = BlobStore(dataDirectory: storage.dataDirectory)
            let work = RecordingWork(blobs: blobs)
            let document = try await DocumentWorkflow.upload(
                kind: "sad", fileName: "SAD.pdf", data: Data("%PDF-1.4\n%%EOF\n".utf8), on: draft.id, by: principal,
                maximumSize: 1_000_000, blobs: blobs, fileWork: work, in: storage.store, clock: storage.clock)
            #expect(work.sawBlobWritten)
            #expect(blobs.contains(sha256: document.sha256))
            #expect(document.contentType == "application/pdf")
            let events = try await AuditLog.events(about: draft.subject, on: storage.store)
            #expect(events.last?.action == "case.document.upload")
        }
    }
}
