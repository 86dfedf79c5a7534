import Crypto
import Domain
import Foundation
import TestSupport
import Testing
import Vapor

@Suite("Documents on the case page")
struct DocumentPageTests {
    static let pdf = Array("%PDF-1.4\n%%EOF\n".utf8)

    @Test("the page lists documents per kind and uploads through its form with the form token")
    func uploadThroughPage() async throws {
        try await withTestApp(adjust: { $0.maxUploadBytes = 4096 }) { app in
            let applicant = try await Fixtures.user(app, "anna@vardgivare.example", role: .applicant, organisation: "5565594230")
            let created = try await app.api(.POST, "/api/v1/cases", as: applicant, json: ["platform": "BFR"] as CanonicalJSON).json
            let id = try #require(created["id"].stringValue)
            let anna = PageClient(app)
            _ = try await anna.signIn(applicant.email)
            let empty = try await anna.get("/cases/\(id)")
            #expect(empty.body.contains("<h2>Dokument</h2>") && empty.body.contains("Inga dokument ännu."))
            #expect(empty.body.contains(#"enctype="multipart/form-data""#))
            #expect(empty.body.contains(#"<label for="document-kind">"#) && empty.body.contains(#"id="document-kind""#))
            #expect(empty.body.contains(#"<label for="document-file">"#) && empty.body.contains(#"id="document-file""#))
            #expect(empty.body.contains("Flödesbeskrivning (systemskiss)"))

            let posted = try await anna.upload(
                "/cases/\(id)/documents", fields: [("kind", "flow_description")],
                file: ("file", "Flöde <script>.pdf", Self.pdf))
            #expect(posted.status == .seeOther, "\(posted.body)")
            let page = try await anna.get("/cases/\(id)")
            #expect(page.body.contains("<td>Flödesbeskrivning (systemskiss)</td>"))
            #expect(page.body.contains("Flöde &lt;script&gt;.pdf"))
            #expect(page.body.contains("laddade upp Flödesbeskrivning (systemskiss) version 1"))
            let href = try #require(page.body.firstMatch(of: /href="(\/cases\/[0-9a-f-]+\/documents\/[0-9a-f-]+)"/)?.1)
            let download = try await anna.get(String(href))
            #expect(download.status == .ok)
            #expect(download.bytes == Self.pdf)
            #expect(download.headers.first(name: "X-Content-Type-Options") == "nosniff")
            #expect(download.headers.first(name: .contentDisposition)?.hasPrefix("attachment;") == true)

            let disguised = try await anna.upload(
                "/cases/\(id)/documents", fields: [("kind", "sad")],
                file: ("file", "x.pdf", [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00]))
            #expect(disguised.status == .unprocessableEntity)
            #expect(disguised.body.contains("Filtypen är inte tillåten"))
            let large = try await anna.upload(
                "/cases/\(id)/documents", fields: [("kind", "sad")], file: ("file", "stor.pdf", Self.pdf + [UInt8](repeating: 0x41, count: 5000)))
            #expect(large.status == .unprocessableEntity)
            #expect(large.body.contains("Filen är för stor"))

            let other = PageClient(app)
            let foreign = try await Fixtures.user(app, "x@annan.example", role: .applicant, organisation: "2321000131")
            _ = try await other.signIn(foreign.email)
            #expect(try await other.get(String(href)).status == .notFound)
            let foreignUpload = try await other.upload(
                "/cases/\(id)/documents", fields: [("kind", "sad")], file: ("file", "a.pdf", Self.pdf))
            #expect(foreignUpload.status == .notFound)
        }
    }

    @Test("an upload posted without the form token is refused with 403 and stores nothing")
    func uploadWithoutToken() async throws {
        try await withTestApp { app in
            let applicant = try await Fixtures.user(app, "anna@vardgivare.example", role: .applicant, organisation: "5565594230")
            let created = try await app.api(.POST, "/api/v1/cases", as: applicant, json: ["platform": "BFR"] as CanonicalJSON).json
            let id = try #require(created["id"].stringValue)
            let anna = PageClient(app)
            _ = try await anna.signIn(applicant.email)
            let refused = try await anna.upload(
                "/cases/\(id)/documents", fields: [("kind", "sad")], file: ("file", "a.pdf", Self.pdf), withToken: false)
            #expect(refused.status == .forbidden)
            // The upload streams, so the token must come before the file: one after it is too late.
            let late = try await anna.upload(
                "/cases/\(id)/documents", fields: [("kind", "sad")], file: ("file", "a.pdf", Self.pdf), tokenAfterFile: true)
            #expect(late.status == .forbidden)
            #expect(try await app.api(.GET, "/api/v1/cases/\(id)/documents", as: applicant).json.elements.isEmpty)
            let blobs = app.config.dataDirectory + "/blobs"
            let files = FileManager.default.enumerator(atPath: blobs)?.allObjects as? [String] ?? []
            #expect(!files.contains { $0.hasSuffix(".tmp") || $0.count > 60 }, "\(files)")
        }
    }
}
