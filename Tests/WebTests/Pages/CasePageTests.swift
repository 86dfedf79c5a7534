import Domain
import Foundation
import TestSupport
import Testing
import Vapor

@Suite("The case pages")
struct CasePageTests {
    /// An applicant's submitted BFR case, in triage with the coordinator.
    private static func caseInTriage(_ app: Application) async throws -> (applicant: TestUser, coordinator: TestUser, id: String) {
        let applicant = try await Fixtures.user(app, "anna@vardgivare.example", role: .applicant, organisation: "5565594230")
        let coordinator = try await Fixtures.user(app, "cora@vgregion.example", role: .coordinator, platform: "BFR")
        let fields = CanonicalJSON.object(try OrderAnswers.complete(platform: "BFR").mapValues(CanonicalJSON.string))
        let created = try await app.api(.POST, "/api/v1/cases", as: applicant, json: ["platform": "BFR", "fields": fields] as CanonicalJSON).json
        let id = try #require(created["id"].stringValue)
        for (user, command) in [(applicant, "submit"), (coordinator, "begin_triage")] {
            let version = try await app.api(.GET, "/api/v1/cases/\(id)", as: user).json["version"]
            let answer = try await app.api(
                .POST, "/api/v1/cases/\(id)/commands", as: user, json: ["command": .string(command), "version": version] as CanonicalJSON)
            #expect(answer.status == .ok, "\(answer.text)")
        }
        return (applicant, coordinator, id)
    }

    @Test("the coordinator ticks an item and asks; the applicant sees it in words and answers")
    func tickAskAnswer() async throws {
        try await withTestApp { app in
            let (applicant, coordinator, id) = try await Self.caseInTriage(app)
            let cora = PageClient(app)
            _ = try await cora.signIn(coordinator.email)
            let inbox = try await cora.get("/cases")
            #expect(inbox.body.contains("Inkorg") && inbox.body.contains("RIS Väst") && inbox.body.contains("under bedömning"))
            let page = try await cora.get("/cases/\(id)")
            #expect(page.status == .ok)
            #expect(page.body.contains(#"<label for="thread-text">"#))
            let item = try #require(page.body.firstMatch(of: #/name="command" value="tick"\/><input type="hidden" name="item" value="([^"]+)"/#)?.1)
            let version = try #require(page.body.firstMatch(of: /name="version" value="(\d+)"/)?.1)
            let ticked = try await cora.post(
                "/cases/\(id)/commands",
                ["command": "tick", "item": String(item), "version": String(version), "evidence_comment": "Kontrollerat"])
            #expect(ticked.status == .seeOther, "\(ticked.body)")
            let asked = try await cora.post("/cases/\(id)/threads", ["kind": "question", "text": "Vilken PU-tjänst använder ni?"])
            #expect(asked.status == .seeOther)

            let anna = PageClient(app)
            _ = try await anna.signIn(applicant.email)
            let seen = try await anna.get("/cases/\(id)")
            #expect(seen.body.contains("(samordnare)</strong> <span>bockade av ”"))
            #expect(seen.body.contains("Vilken PU-tjänst använder ni?"))
            let thread = try #require(seen.body.firstMatch(of: /threads\/([0-9a-f-]+)\/messages/)?.1)
            let answered = try await anna.post("/cases/\(id)/threads/\(thread)/messages", ["text": "Regionens."])
            #expect(answered.status == .seeOther)
            let after = try await cora.get("/cases/\(id)")
            #expect(after.body.contains("Fråga – besvarad") && after.body.contains("(sökande)</strong> <span>svarade i en tråd"))
        }
    }

    @Test("a stale version is refused with 409 and the case as it is now")
    func versionConflict() async throws {
        try await withTestApp { app in
            let (_, coordinator, id) = try await Self.caseInTriage(app)
            let cora = PageClient(app)
            _ = try await cora.signIn(coordinator.email)
            let page = try await cora.get("/cases/\(id)")
            let item = try #require(page.body.firstMatch(of: #/name="command" value="tick"\/><input type="hidden" name="item" value="([^"]+)"/#)?.1)
            let stale = try await cora.post(
                "/cases/\(id)/commands", ["command": "tick", "item": String(item), "version": "1", "evidence_comment": "x"])
            #expect(stale.status == .conflict)
            #expect(stale.body.contains("Ärendet har ändrats av någon annan"))
            #expect(stale.body.contains("under bedömning"))
        }
    }

    @Test("another organisation's case, and one that does not exist, are the same 404 page")
    func foreignCaseIsNotFound() async throws {
        try await withTestApp { app in
            let (_, _, id) = try await Self.caseInTriage(app)
            let other = try await Fixtures.user(app, "bo@privatklinik.example", role: .applicant, organisation: "5566778899")
            let bo = PageClient(app)
            _ = try await bo.signIn(other.email)
            let foreign = try await bo.get("/cases/\(id)")
            let missingID = UUID()
            let missing = try await bo.get("/cases/\(missingID)")
            let malformed = try await bo.get("/cases/nonsense")
            #expect([foreign.status, missing.status, malformed.status] == [.notFound, .notFound, .notFound])
            #expect(foreign.body.replacingOccurrences(of: id.uppercased(), with: "") == missing.body
                .replacingOccurrences(of: missingID.uuidString, with: ""))
            #expect(foreign.body.contains("Sidan finns inte"))
            let post = try await bo.post("/cases/\(id)/threads", ["kind": "comment", "text": "hej"])
            #expect(post.status == .notFound)
            #expect(!(try await bo.get("/cases").body.contains("RIS Väst")))
        }
    }

    @Test("script typed into a text field is shown as text")
    func scriptIsEscaped() async throws {
        try await withTestApp { app in
            let (applicant, _, id) = try await Self.caseInTriage(app)
            let anna = PageClient(app)
            _ = try await anna.signIn(applicant.email)
            _ = try await anna.post("/cases/\(id)/threads", ["kind": "comment", "text": "<script>alert(1)</script>"])
            let page = try await anna.get("/cases/\(id)")
            #expect(!page.body.contains("<script>"))
            #expect(page.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            let search = try await anna.get("/cases?q=%22%3E%3Cscript%3Ex")
            #expect(!search.body.contains("<script>"))
            let wrong = try await PageClient(app).signIn("\"><script>x@example.se", password: "x")
            #expect(!wrong.body.contains("<script>"))
        }
    }

    @Test("Swedish by default, English by the switch, remembered")
    func languageSwitch() async throws {
        try await withTestApp { app in
            let applicant = try await Fixtures.user(app, "anna@vardgivare.example", role: .applicant, organisation: "5565594230")
            let anna = PageClient(app)
            anna.headers.add(name: .acceptLanguage, value: "en-US")
            let swedish = try await anna.get("/login")
            #expect(swedish.body.contains(#"<html lang="sv">"#) && swedish.body.contains("Logga in"))
            let switched = try await anna.post("/language", ["language": "en", "return": "/login"])
            #expect(switched.headers.first(name: .location) == "/login")
            let english = try await anna.get("/login")
            #expect(english.body.contains(#"<html lang="en">"#) && english.body.contains("Sign in"))
            _ = try await anna.signIn(applicant.email)
            #expect(try await anna.get("/cases").body.contains("My cases"))
            let offsite = try await anna.post("/language", ["language": "sv", "return": "//evil.example/"])
            #expect(offsite.headers.first(name: .location) == "/")
        }
    }

    @Test("the coordinator's inbox filters by status and searches case number, organisation and system")
    func inboxSearch() async throws {
        try await withTestApp { app in
            let (_, coordinator, _) = try await Self.caseInTriage(app)
            let cora = PageClient(app)
            _ = try await cora.signIn(coordinator.email)
            #expect(try await cora.get("/cases?q=ris%20v").body.contains("RIS Väst"))
            #expect(try await cora.get("/cases?q=bfr-20").body.contains("RIS Väst"))
            #expect(try await cora.get("/cases?q=5565594230").body.contains("RIS Väst"))
            #expect(!(try await cora.get("/cases?q=takecare").body.contains("RIS Väst")))
            #expect(try await cora.get("/cases?status=triage").body.contains("RIS Väst"))
            #expect(!(try await cora.get("/cases?status=draft").body.contains("RIS Väst")))
        }
    }
}
