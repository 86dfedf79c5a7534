import Crypto
import Domain
import Foundation
import Persistence
import TestSupport
import Testing
import Vapor

@Suite("Documents on a case")
struct DocumentTests {
    static let pdf = Array("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".utf8)
    static let elf: [UInt8] = [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00] + [UInt8](repeating: 0, count: 120)

    static func sha256(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }

    /// A submitted BFR case of the team's applicant (so the platform's staff see it too).
    static func submittedCase(_ app: Application, _ team: CaseTeam) async throws -> String {
        try #require(try await team.newCase(app)["id"].stringValue)
    }

    static func blobFiles(_ app: Application) -> [String] {
        let root = app.config.dataDirectory + "/blobs"
        let all = FileManager.default.enumerator(atPath: root)?.allObjects as? [String] ?? []
        return all.filter { ($0 as NSString).lastPathComponent.count == 64 }
    }

    @Test("upload, list and download round trip; a second upload is version 2 and version 1 stays")
    func roundTripAndVersions() async throws {
        try await withTestApp { app in
            let team = try await CaseTeam.make(app, platform: "BFR")
            let id = try await Self.submittedCase(app, team)
            let uploaded = try await app.uploadDocument(
                id, kind: "mapping_specification", name: "Mappning v1.pdf", data: Self.pdf, as: team.applicant)
            #expect(uploaded.status == .created, "\(uploaded.text)")
            #expect(uploaded.json["version"].intValue == 1)
            #expect(uploaded.json["sha256"].stringValue == Self.sha256(Self.pdf))
            #expect(uploaded.json["size"].intValue == Self.pdf.count)
            #expect(uploaded.json["contentType"] == "application/pdf")
            #expect(uploaded.json["fileName"] == "Mappning v1.pdf")
            let first = try #require(uploaded.json["href"].stringValue)

            let download = try await app.api(.GET, first, as: team.coordinator)
            #expect(download.status == .ok)
            #expect(Self.sha256(Array(download.body)) == Self.sha256(Self.pdf))
            #expect(download.headers.first(name: .contentType) == "application/pdf")
            #expect(download.headers.first(name: "X-Content-Type-Options") == "nosniff")
            #expect(download.headers.first(name: .contentDisposition)
                == "attachment; filename=\"Mappning v1.pdf\"; filename*=UTF-8''Mappning%20v1.pdf")

            let second = Array("Fält;Värde\nPID-3;personnummer\n".utf8)
            let v2 = try await app.uploadDocument(
                id, kind: "mapping_specification", name: "mappning.csv", data: second, as: team.coordinator)
            #expect(v2.status == .created, "\(v2.text)")
            #expect(v2.json["version"].intValue == 2)
            #expect(v2.json["contentType"] == "text/csv; charset=utf-8")
            let other = try await app.uploadDocument(id, kind: "screenshot", name: "bild.pdf", data: Self.pdf, as: team.applicant)
            #expect(other.json["version"].intValue == 1, "versions count per kind")

            let listed = try await app.api(.GET, "/api/v1/cases/\(id)/documents", as: team.applicant).json.elements
            #expect(listed.map { $0["kind"].stringValue } == ["mapping_specification", "screenshot"])
            #expect(listed[0]["latest"]["version"].intValue == 2)
            #expect(listed[0]["versions"].elements.map { $0["version"].intValue } == [2, 1])
            #expect(listed[0]["title"]["sv"] == "Mappningsspecifikation")
            let old = try await app.api(.GET, first, as: team.applicant)
            #expect(old.status == .ok && Self.sha256(Array(old.body)) == Self.sha256(Self.pdf), "version 1 still downloads")

            // The same content twice (version 1 and the screenshot) is one file on disk.
            #expect(Self.blobFiles(app).count == 2)
            let hash = Self.sha256(Self.pdf)
            let path = "\(app.config.dataDirectory)/blobs/\(hash.prefix(2))/\(hash)"
            #expect(FileManager.default.fileExists(atPath: path))

            // Content kept in the old two-level layout (ab/cd/<sha256>) is still found and served.
            let oldFolder = "\(app.config.dataDirectory)/blobs/\(hash.prefix(2))/\(hash.dropFirst(2).prefix(2))"
            try FileManager.default.createDirectory(atPath: oldFolder, withIntermediateDirectories: true)
            try FileManager.default.moveItem(atPath: path, toPath: oldFolder + "/" + hash)
            let fromOldLayout = try await app.api(.GET, first, as: team.applicant)
            #expect(fromOldLayout.status == .ok && Self.sha256(Array(fromOldLayout.body)) == hash)
            #expect(BlobStore(dataDirectory: app.config.dataDirectory).contains(sha256: hash))

            let audit = try await app.api(.GET, "/api/v1/cases/\(id)/events", as: team.applicant).json.elements
                .filter { $0["action"] == "case.document.upload" }
            #expect(audit.count == 3)
            #expect(audit[0]["payload"]["sha256"].stringValue == hash)
            #expect(audit[0]["payload"]["name"] == "Mappning v1.pdf")
            #expect(audit[0]["payload"]["size"].intValue == Self.pdf.count)
            #expect(audit[0]["payload"]["kind"] == "mapping_specification")
            #expect(audit[0]["payload"]["version"].intValue == 1)
        }
    }

    @Test("an oversized or disguised upload, an unknown kind or a missing file is refused and nothing is stored")
    func refusedUploads() async throws {
        try await withTestApp(adjust: { $0.maxUploadBytes = 1000 }) { app in
            let team = try await CaseTeam.make(app, platform: "BFR")
            let id = try await Self.submittedCase(app, team)
            let big = Array("%PDF-".utf8) + [UInt8](repeating: 0x41, count: 2000)
            let oversized = try await app.uploadDocument(id, kind: "sad", name: "stor.pdf", data: big, as: team.applicant)
            #expect(oversized.status == .unprocessableEntity)
            #expect(oversized.headers.contentType?.description.hasPrefix("application/problem+json") == true)
            #expect(oversized.json["errors"].elements.first?["code"] == "too-large")
            #expect(oversized.json["errors"].elements.first?["message"].stringValue?.contains("högst 1000 byte") == true)

            let disguised = try await app.uploadDocument(id, kind: "sad", name: "x.pdf", data: Self.elf, as: team.applicant)
            #expect(disguised.status == .unprocessableEntity)
            #expect(disguised.json["errors"].elements.first?["code"] == "type-not-allowed")
            #expect(disguised.json["errors"].elements.first?["message"].stringValue?.contains("innehållet avgör") == true)

            let unknown = try await app.uploadDocument(id, kind: "virus", name: "a.pdf", data: Self.pdf, as: team.applicant)
            #expect(unknown.json["errors"].elements.first?["field"] == "kind")

            var headers = HTTPHeaders()
            let noFile = MultipartBody(fields: [("kind", "sad")])
            headers.contentType = noFile.contentType
            headers.bearerAuthorization = BearerAuthorization(token: team.applicant.token)
            let missing = try await app.testing().sendRequest(
                .POST, "/api/v1/cases/\(id)/documents", headers: headers, body: noFile.buffer)
            #expect(missing.status == .unprocessableEntity, "\(missing.body.string)")

            #expect(Self.blobFiles(app).isEmpty)
            #expect(try await app.api(.GET, "/api/v1/cases/\(id)/documents", as: team.applicant).json.elements.isEmpty)
            let uploads = try await app.api(.GET, "/api/v1/cases/\(id)/events", as: team.applicant).json.elements
                .filter { $0["action"] == "case.document.upload" }
            #expect(uploads.isEmpty)
        }
    }

    @Test("when the file cannot be written no row is recorded")
    func failedFileWrite() async throws {
        try await withTestApp { app in
            let team = try await CaseTeam.make(app, platform: "BFR")
            let id = try await Self.submittedCase(app, team)
            // A plain file where the blob folder belongs makes every write fail.
            try FileManager.default.createDirectory(atPath: app.config.dataDirectory, withIntermediateDirectories: true)
            #expect(FileManager.default.createFile(atPath: app.config.dataDirectory + "/blobs", contents: Data("x".utf8)))
            let failed = try await app.uploadDocument(id, kind: "sad", name: "s.pdf", data: Self.pdf, as: team.applicant)
            #expect(failed.status == .internalServerError)
            #expect(try await app.api(.GET, "/api/v1/cases/\(id)/documents", as: team.applicant).json.elements.isEmpty)
        }
    }

    @Test("another organisation gets 404 for the list, an upload, a download and a guessed id")
    func foreignApplicant() async throws {
        try await withTestApp { app in
            let team = try await CaseTeam.make(app, platform: "BFR")
            let id = try await Self.submittedCase(app, team)
            let href = try #require(try await app.uploadDocument(
                id, kind: "agreement", name: "avtal.pdf", data: Self.pdf, as: team.applicant).json["href"].stringValue)
            let foreign = try await Fixtures.user(app, "x@annan.example", role: .applicant, organisation: "2321000131")
            let takeCare = try await Fixtures.user(app, "c@tc.example", role: .coordinator, platform: "TAKECARE")
            for user in [foreign, takeCare] {
                #expect(try await app.api(.GET, "/api/v1/cases/\(id)/documents", as: user).status == .notFound)
                #expect(try await app.api(.GET, href, as: user).status == .notFound)
                #expect(try await app.api(.GET, "/api/v1/cases/\(id)/documents/\(UUID())", as: user).status == .notFound)
                // A refused body is still a 404: the case decides first.
                let upload = try await app.uploadDocument(id, kind: "other", name: "x.pdf", data: Self.elf, as: user)
                #expect(upload.status == .notFound)
            }
            #expect(try await app.api(.GET, "/api/v1/cases/\(id)/documents/\(UUID())", as: team.applicant).status == .notFound)
            #expect(try await app.api(.GET, "/api/v1/cases/\(id)/documents/not-a-uuid", as: team.applicant).status == .notFound)
            #expect(Self.blobFiles(app).count == 1)
        }
    }

    @Test("a document id under another case's URL is 404, even for someone who sees both cases")
    func documentOfAnotherCase() async throws {
        try await withTestApp { app in
            let team = try await CaseTeam.make(app, platform: "BFR")
            let one = try await Self.submittedCase(app, team)
            let two = try await Self.submittedCase(app, team)
            let document = try #require(try await app.uploadDocument(
                one, kind: "other", name: "a.txt", data: Array("hej".utf8), as: team.applicant).json["id"].stringValue)
            #expect(try await app.api(.GET, "/api/v1/cases/\(one)/documents/\(document)", as: team.applicant).status == .ok)
            #expect(try await app.api(.GET, "/api/v1/cases/\(two)/documents/\(document)", as: team.applicant).status == .notFound)
            #expect(try await app.api(.GET, "/api/v1/cases/\(two)/documents/\(document)", as: team.coordinator).status == .notFound)
        }
    }

    @Test("the applicant may not upload on a withdrawn case; staff and a draft's owner may upload")
    func whoMayUpload() async throws {
        try await withTestApp { app in
            let team = try await CaseTeam.make(app, platform: "BFR")
            let draft = try await app.api(.POST, "/api/v1/cases", as: team.applicant, json: ["platform": "BFR"] as CanonicalJSON).json
            let draftID = try #require(draft["id"].stringValue)
            #expect(try await app.uploadDocument(draftID, kind: "sad", name: "s.pdf", data: Self.pdf, as: team.applicant).status == .created)
            #expect(try await app.uploadDocument(draftID, kind: "sad", name: "s.pdf", data: Self.pdf, as: team.coordinator).status == .notFound)
            _ = try await CaseTeam.command(app, draft, by: team.applicant, "withdraw", ["reason": "Fel plattform"])
            let late = try await app.uploadDocument(draftID, kind: "sad", name: "s.pdf", data: Self.pdf, as: team.applicant)
            #expect(late.status == .conflict, "\(late.text)")
            #expect(try await app.api(.GET, "/api/v1/cases/\(draftID)/documents", as: team.applicant).json.elements.count == 1)
        }
    }
}

@Suite("A malformed upload is refused at its field")
struct MalformedUploadTests {
    @Test("a multipart body that does not parse is a 422 at file, not a 500 (found by schemathesis)")
    func malformedMultipart() async throws {
        try await withTestApp { app in
            let applicant = try await Fixtures.user(app, "anna@vardgivare.example", role: .applicant, organisation: "5565594230")
            let draft = try await app.api(.POST, "/api/v1/cases", as: applicant, json: ["platform": "BFR"] as CanonicalJSON).json
            var headers = HTTPHeaders()
            headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=4aacd3a1aefb28481cca15eabe442380")
            headers.bearerAuthorization = BearerAuthorization(token: applicant.token)
            let body = "--4aacd3a1aefb28481cca15eabe442380\r\n891389873610295083008--4aacd3a1aefb28481cca15eabe442380--\r\n"
            let response = try await app.testing().sendRequest(
                .POST, "/api/v1/cases/\(draft["id"].stringValue!)/documents", headers: headers, body: ByteBuffer(string: body))
            #expect(response.status == .unprocessableEntity, "\(response.body.string)")
            #expect(response.body.string.contains("malformed-upload"))
        }
    }
}
