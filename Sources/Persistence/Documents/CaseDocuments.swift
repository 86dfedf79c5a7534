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

    /// Checks and stores `data` as the next version of `kind` on the case. Audited as `case.document.upload`
    /// (kind, version, hash, size and name; never the content).
    ///
    /// The applicant may upload on their case unless it is closed, rejected or withdrawn; the platform's staff
    /// on theirs. Someone who cannot see the case gets `CaseNotFound`, before anything is written.
    public static func upload(
        kind rawKind: String, fileName rawName: String, data: Data, on caseID: UUID, by principal: Principal,
        maximumSize: Int, blobs: BlobStore, in store: Store
    ) async throws -> Document {
        let db = store.database
        let (record, roles) = try await CaseService.visibleCase(caseID, to: principal, on: store)
        try checkMayUpload(roles: roles, status: record.state.status)
        let fileName = DocumentFileName.sanitised(rawName)
        let kind = try check(kind: rawKind)
        let detected = try check(data, fileName: fileName, maximumSize: maximumSize)
        let hash = BlobStore.sha256(data)
        try blobs.store(data, sha256: hash)
        return try await db.write { tx in
            // Again inside the transaction: the case may have moved on since the check above.
            let (record, roles) = try await CaseService.visibleCase(caseID, to: principal, on: tx.store)
            try checkMayUpload(roles: roles, status: record.state.status)
            let latest = try await CaseDocumentModel.query(on: tx.database)
                .filter(\.$case.$id == caseID).filter(\.$kind == kind.rawValue)
                .sort(\.$version, .descending).first()
            let model = CaseDocumentModel()
            model.$case.id = caseID
            model.kind = kind.rawValue
            model.version = (latest?.version ?? 0) + 1
            model.fileName = fileName
            model.contentType = detected.mediaType
            model.size = Int64(data.count)
            model.sha256 = hash
            model.uploadedBy = principal.userID
            model.uploadedAt = tx.clock.now()
            try await model.create(on: tx.database)
            let document = try self.document(model)
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

    /// The largest upload as people read it: "25 MB", "512 kB", "900 byte".
    public static func describe(bytes: Int) -> String {
        if bytes >= 1_048_576, bytes % 1_048_576 == 0 { return "\(bytes / 1_048_576) MB" }
        if bytes >= 1_048_576 { return String(format: "%.1f MB", Double(bytes) / 1_048_576) }
        if bytes >= 1024 { return "\(bytes / 1024) kB" }
        return "\(bytes) byte"
    }

    private static func checkMayUpload(roles: Set<Role>, status: CaseStatus) throws {
        let staff: Set<Role> = [.coordinator, .securityReviewer, .technician, .decisionMaker]
        if !roles.isDisjoint(with: staff) { return }
        guard roles.contains(.applicant) else {
            throw CaseRefused(refusal: CaseRefusal(.missingRole, LocalizedText(
                sv: "Endast den sökande organisationen och plattformsteamet laddar upp dokument.",
                en: "Only the applying organisation and the platform team upload documents.")))
        }
        guard !status.isTerminal else {
            throw CaseRefused(refusal: CaseRefusal(.wrongState, LocalizedText(
                sv: "Ärendet är \(status.title.sv); inga fler dokument kan laddas upp.",
                en: "The case is \(status.title.en); no more documents can be uploaded.")))
        }
    }

    private static func check(kind: String) throws -> DocumentKind {
        guard let kind = DocumentKind(rawValue: kind) else {
            let known = DocumentKind.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationFailure([FieldError(
                field: "kind", code: "unknown-kind",
                message: LocalizedText(sv: "Okänd dokumenttyp \"\(kind)\"; välj en av \(known).",
                                       en: "Unknown document kind \"\(kind)\"; choose one of \(known)."))])
        }
        return kind
    }

    private static func check(_ data: Data, fileName: String, maximumSize: Int) throws -> DetectedContentType {
        if data.count > maximumSize {
            let (limit, size) = (describe(bytes: maximumSize), describe(bytes: data.count))
            throw ValidationFailure([FieldError(
                field: "file", code: "too-large",
                message: LocalizedText(sv: "Filen är för stor (\(size)); högst \(limit) är tillåtet.",
                                       en: "The file is too large (\(size)); at most \(limit) is allowed."))])
        }
        switch ContentSniffer.detect(data, fileName: fileName) {
        case .success(let type): return type
        case .failure(let refusal):
            throw ValidationFailure([FieldError(field: "file", code: refusal.code, message: refusal.message)])
        }
    }

    private static func document(_ model: CaseDocumentModel) throws -> Document {
        Document(
            id: try model.requireID(), caseID: model.$case.id, kind: DocumentKind(rawValue: model.kind) ?? .other,
            version: model.version, fileName: model.fileName, contentType: model.contentType, size: Int(model.size),
            sha256: model.sha256, uploadedBy: model.uploadedBy, uploadedAt: model.uploadedAt)
    }
}
