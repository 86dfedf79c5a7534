import Domain
import Foundation
import Persistence
import TestSupport
import Testing
import Vapor

@Suite("The admin pages")
struct AdminPageTests {
    private static let pages = [
        "/admin", "/admin/users", "/admin/organisations", "/admin/platforms", "/admin/processes",
        "/admin/processes/bfr/2",
    ]

    /// An admin signed in in a browser.
    private static func admin(_ app: Application) async throws -> (TestUser, PageClient) {
        let admin = try await Fixtures.user(app, "adam@vgregion.example", role: .admin)
        let browser = PageClient(app)
        _ = try await browser.signIn(admin.email)
        return (admin, browser)
    }

    /// A copy of the repository's process files that a test may change.
    private static func processesCopy() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("anslut-processes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in ["bfr.yaml", "takecare.yaml"] {
            try FileManager.default.copyItem(
                at: URL(fileURLWithPath: processesFolder).appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        return folder.path
    }

    /// Rewrites `bfr.yaml` in `folder` with `version` and a changed English title.
    private static func changeBFR(in folder: String, version: Int) throws {
        let url = URL(fileURLWithPath: folder).appendingPathComponent("bfr.yaml")
        let text = try String(contentsOf: url, encoding: .utf8)
            .replacingOccurrences(of: "\nversion: 4\n", with: "\nversion: \(version)\n")
            .replacingOccurrences(of: "\nen: Connecting to BFR\n", with: "\nen: Connecting to BFR, revised\n")
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    @Test("everyone else gets the page-not-found answer on every admin page, and no header link")
    func othersRefused() async throws {
        try await withTestApp { app in
            let applicant = try await Fixtures.user(app, "anna@vardgivare.example", role: .applicant, organisation: "5565594230")
            let coordinator = try await Fixtures.user(app, "cora@vgregion.example", role: .coordinator, platform: "BFR")
            for user in [applicant, coordinator] {
                let browser = PageClient(app)
                _ = try await browser.signIn(user.email)
                let unknown = try await browser.get("/no-such-page")
                #expect(unknown.status == .notFound)
                #expect(!(try await browser.get("/cases")).body.contains(#"href="/admin""#))
                for path in Self.pages {
                    let page = try await browser.get(path)
                    #expect(page.status == .notFound, "\(user.email) \(path)")
                    #expect(page.body.contains("Sidan finns inte"))
                }
                let posts = [
                    ("/admin/users", ["email": "x@example.se", "role": "admin", "password": "long enough password"]),
                    ("/admin/users/\(user.id)/roles", ["grant": "admin"]),
                    ("/admin/users/\(user.id)/roles/remove", ["grant": "applicant"]),
                    ("/admin/processes/publish", [:]),
                ]
                for (path, fields) in posts {
                    #expect(try await browser.post(path, fields).status == .notFound, "\(user.email) POST \(path)")
                }
            }
            let principal = try #require(try await AccountStore.principal(userID: coordinator.id, on: app.store))
            #expect(!principal.holds(.admin))
            #expect(try await AccountStore.user(email: "x@example.se", on: app.store) == nil)
            let signedOut = try await PageClient(app).get("/admin/users")
            #expect(signedOut.status == .seeOther)
            #expect(signedOut.headers.first(name: .location) == "/login?next=/admin/users")
        }
    }

    @Test("an admin sees users, organisations, platforms and process definitions, in Swedish and English")
    func adminSees() async throws {
        try await withTestApp { app in
            let (_, browser) = try await Self.admin(app)
            _ = try await Fixtures.user(app, "anna@vardgivare.example", role: .applicant, organisation: "5565594230")
            _ = try await Fixtures.user(app, "cora@vgregion.example", role: .coordinator, platform: "BFR")

            let overview = try await browser.get("/admin")
            #expect(overview.status == .ok)
            #expect(overview.body.contains(#"<html lang="sv">"#))
            #expect(overview.body.contains(#"href="/admin/users""#) && overview.body.contains(#"href="/admin/processes""#))
            #expect(overview.body.contains(#"<a href="/admin">Administration</a>"#))

            let users = try await browser.get("/admin/users")
            #expect(users.status == .ok)
            #expect(users.body.contains("anna@vardgivare.example") && users.body.contains("Org 5565594230 (556559-4230)"))
            #expect(users.body.contains("samordnare (BFR)") && users.body.contains("administratör"))
            #expect(users.body.contains(#"<label for="email">"#) && users.body.contains(#"id="email""#))

            let organisations = try await browser.get("/admin/organisations")
            #expect(organisations.body.contains("556559-4230") && organisations.body.contains("Org 5565594230"))

            let platforms = try await browser.get("/admin/platforms")
            #expect(platforms.body.contains("BFR") && platforms.body.contains("TAKECARE"))
            #expect(platforms.body.contains(#"href="/admin/processes/bfr/4""#))

            let processes = try await browser.get("/admin/processes")
            #expect(processes.body.contains("bfr@4") && processes.body.contains("takecare@5"))

            let bfr = try await browser.get("/admin/processes/bfr/4")
            #expect(bfr.status == .ok)
            #expect(bfr.body.contains("Del 1 Anslutningsbeställning") && bfr.body.contains("Grind: beslut fattas av beslutsfattare"))
            #expect(bfr.body.contains("del1.bestallning.ifylld-undertecknad") && bfr.body.contains("formulär"))
            #expect(try await browser.get("/admin/processes/bfr/99").status == .notFound)

            _ = try await browser.post("/language", ["language": "en", "return": "/admin/processes/bfr/4"])
            let english = try await browser.get("/admin/processes/bfr/4")
            #expect(english.body.contains(#"<html lang="en">"#))
            #expect(english.body.contains("Part 1 Connection order") && english.body.contains("Gate: decided by decision maker"))
            #expect(try await browser.get("/admin/users").body.contains("coordinator (BFR)"))
        }
    }

    @Test("a bad e-mail address and a short password are shown at their fields, in the page's language")
    func createErrors() async throws {
        try await withTestApp { app in
            let (_, browser) = try await Self.admin(app)
            let fields = ["email": "not-an-address", "name": "Nils", "role": "coordinator", "platform": "", "password": "short"]
            let page = try await browser.post("/admin/users", fields)
            #expect(page.status == .unprocessableEntity)
            #expect(page.body.contains(#"<p class="field-error" id="email-error">E-postadressen är inte giltig"#))
            #expect(page.body.contains(#"<p class="field-error" id="password-error">Lösenordet måste ha minst 10 tecken."#))
            #expect(page.body.contains(#"id="platform-error""#))
            #expect(page.body.contains(#"aria-describedby="email-error""#))
            #expect(page.body.contains(#"value="not-an-address""#) && !page.body.contains(#"value="short""#))

            _ = try await browser.post("/language", ["language": "en", "return": "/admin/users"])
            let english = try await browser.post("/admin/users", fields)
            #expect(english.body.contains(#"id="email-error">The e-mail address is not valid"#))
            #expect(english.body.contains(#"id="password-error">The password must have at least 10 characters."#))
            #expect(try await AccountStore.user(email: "not-an-address", on: app.store) == nil)
        }
    }

    @Test("a valid new user is created, can sign in, and is in the audit trail as the admin's doing")
    func createUser() async throws {
        try await withTestApp { app in
            let (admin, browser) = try await Self.admin(app)
            let page = try await browser.post("/admin/users", [
                "email": "ny@vardgivare.example", "name": "Ny Sökande", "role": "applicant", "platform": "",
                "organisation": "556559-4230", "organisation_name": "Vårdgivaren AB", "password": "a long first password",
            ])
            #expect(page.status == .ok, "\(page.body)")
            #expect(page.body.contains("Användaren ny@vardgivare.example är skapad."))
            #expect(page.body.contains("Vårdgivaren AB (556559-4230)"))
            let user = try #require(try await AccountStore.user(email: "ny@vardgivare.example", on: app.store))
            let events = try await AuditLog.events(about: "user:\(user.id)", on: app.store)
            #expect(events.map(\.action) == ["user.create"])
            #expect(events.first?.actor == "user:\(admin.id)")

            let again = try await browser.post("/admin/users", [
                "email": "ny@vardgivare.example", "role": "admin", "password": "a long first password",
            ])
            #expect(again.status == .unprocessableEntity)
            #expect(again.body.contains(#"id="email-error">Det finns redan en användare"#))

            let newcomer = PageClient(app)
            #expect(try await newcomer.signIn("ny@vardgivare.example", password: "a long first password").status == .seeOther)
            #expect(try await newcomer.get("/cases").status == .ok)
        }
    }

    @Test("a role added or removed counts from the user's next request, and both are audited")
    func roleChanges() async throws {
        try await withTestApp { app in
            let (admin, browser) = try await Self.admin(app)
            let tess = try await Fixtures.user(app, "tess@vgregion.example", role: .technician, platform: "BFR")
            let tessBrowser = PageClient(app)
            _ = try await tessBrowser.signIn(tess.email)
            #expect(try await tessBrowser.get("/admin").status == .notFound)

            let added = try await browser.post("/admin/users/\(tess.id)/roles", ["grant": "admin"])
            #expect(added.status == .ok)
            #expect(added.body.contains("Rollen administratör är tillagd."))
            #expect(try await tessBrowser.get("/admin").status == .ok)

            let twice = try await browser.post("/admin/users/\(tess.id)/roles", ["grant": "admin"])
            #expect(twice.status == .unprocessableEntity)
            #expect(twice.body.contains(#"id="grant-\#(tess.id.uuidString.lowercased())-error">Användaren har redan rollen administratör."#))
            let applicant = try await browser.post("/admin/users/\(tess.id)/roles", ["grant": "applicant"])
            #expect(applicant.body.contains("hör inte till någon organisation"))

            let removed = try await browser.post("/admin/users/\(tess.id)/roles/remove", ["grant": "admin"])
            #expect(removed.status == .ok)
            #expect(removed.body.contains("Rollen administratör är borttagen."))
            #expect(try await tessBrowser.get("/admin").status == .notFound)

            let coordinator = try await browser.post("/admin/users/\(tess.id)/roles", ["grant": "coordinator:TAKECARE"])
            #expect(coordinator.body.contains("Rollen samordnare (TAKECARE) är tillagd."))
            let principal = try #require(try await AccountStore.principal(userID: tess.id, on: app.store))
            #expect(principal.grants == [RoleGrant(role: .technician, platform: "BFR"), RoleGrant(role: .coordinator, platform: "TAKECARE")])

            let own = try await browser.post("/admin/users/\(admin.id)/roles/remove", ["grant": "admin"])
            #expect(own.status == .unprocessableEntity)
            #expect(own.body.contains("Du kan inte ta bort din egen administratörsroll"))

            let events = try await AuditLog.events(about: "user:\(tess.id)", on: app.store)
            let roleEvents = events.filter { $0.action.hasPrefix("user.role") }
            #expect(roleEvents.map(\.action) == ["user.role.add", "user.role.remove", "user.role.add"])
            #expect(roleEvents.allSatisfy { $0.actor == "user:\(admin.id)" })
            #expect(try await browser.post("/admin/users/\(UUID())/roles", ["grant": "admin"]).status == .notFound)
        }
    }

    @Test("publishing an unchanged folder reports nothing new; a new version is published; running cases keep theirs")
    func publishNewVersion() async throws {
        let folder = try Self.processesCopy()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await withTestApp(adjust: { $0.processesDirectory = folder }) { app in
            let (admin, browser) = try await Self.admin(app)
            let applicant = try await Fixtures.user(app, "anna@vardgivare.example", role: .applicant, organisation: "5565594230")
            let created = try await app.api(
                .POST, "/api/v1/cases", as: applicant,
                json: ["platform": "BFR", "fields": ["system_name": "RIS Väst"]] as CanonicalJSON)
            let caseID = try #require(created.json["id"].stringValue)

            let unchanged = try await browser.post("/admin/processes/publish", [:])
            #expect(unchanged.status == .ok)
            #expect(unchanged.body.contains("Inget nytt att publicera"))

            try Self.changeBFR(in: folder, version: 5)
            let published = try await browser.post("/admin/processes/publish", [:])
            #expect(published.status == .ok, "\(published.body)")
            #expect(published.body.contains("Publicerade: bfr@5."))
            #expect(try await DefinitionStore.versions(of: "bfr", on: app.store).map(\.version) == [4, 5])
            let events = try await AuditLog.events(about: "process:bfr", on: app.store)
            #expect(events.last?.action == "process.publish" && events.last?.actor == "user:\(admin.id)")
            #expect(try await browser.get("/admin/platforms").body.contains(#"href="/admin/processes/bfr/5""#))
            #expect(try await browser.get("/admin/processes/bfr/5").status == .ok)

            let pinned = try await app.api(.GET, "/api/v1/cases/\(caseID)", as: applicant).json
            #expect(pinned["definition"]["version"].intValue == 4)
        }
    }

    @Test("a changed file under a published version is refused with the conflict, and nothing is published")
    func publishConflict() async throws {
        let folder = try Self.processesCopy()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await withTestApp(adjust: { $0.processesDirectory = folder }) { app in
            let (_, browser) = try await Self.admin(app)
            let before = try await AuditLog.count(on: app.store)
            try Self.changeBFR(in: folder, version: 4)
            let refused = try await browser.post("/admin/processes/publish", [:])
            #expect(refused.status == .conflict)
            #expect(refused.body.contains("Ingenting publicerades."))
            #expect(refused.body.contains("Processdefinitionen bfr@4 skiljer sig från den som redan är publicerad"))
            #expect(try await DefinitionStore.versions(of: "bfr", on: app.store).map(\.version) == [4])
            #expect(try await AuditLog.count(on: app.store) == before)

            _ = try await browser.post("/language", ["language": "en", "return": "/admin/processes"])
            let english = try await browser.post("/admin/processes/publish", [:])
            #expect(english.body.contains("The process definition bfr@4 differs from the one already published"))
        }
    }

    @Test("script in a user's or an organisation's name is shown as text")
    func scriptIsText() async throws {
        try await withTestApp { app in
            let (_, browser) = try await Self.admin(app)
            let script = "<script>alert(1)</script>"
            let page = try await browser.post("/admin/users", [
                "email": "x@vardgivare.example", "name": script, "role": "applicant", "organisation": "5565594230",
                "organisation_name": script, "password": "a long first password",
            ])
            #expect(page.status == .ok, "\(page.body)")
            for path in ["/admin/users", "/admin/organisations"] {
                let body = try await browser.get(path).body
                #expect(!body.contains("<script>"), "\(path)")
                #expect(body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "\(path)")
            }
            let failed = try await browser.post("/admin/users", ["email": #""><script>x</script>"#, "role": "admin", "password": "x"])
            #expect(!failed.body.contains("<script>"))
        }
    }
}
