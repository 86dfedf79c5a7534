import Domain
import Foundation
import TestSupport
import Testing
import Vapor

/// The pages people work from: the applicant's "what to do now" and queue place, the coordinator's inbox
/// views, and the task lists of decision makers, security reviewers and technicians.
@Suite("Work pages")
struct WorkPagesTests {
    private static func signedIn(_ app: Application, _ user: TestUser) async throws -> PageClient {
        let client = PageClient(app)
        _ = try await client.signIn(user.email)
        return client
    }

    private static func id(_ json: CanonicalJSON) -> String { json["id"].stringValue! }

    @Test("the applicant sees what to do now and the case's place in the queue")
    func applicantTodoAndQueue() async throws {
        try await withTestApp { app in
            let team = try await CaseTeam.make(app, platform: "BFR")
            let first = try await team.newCase(app)
            let second = try await team.newCase(app)
            let draft = try await app.api(
                .POST, "/api/v1/cases", as: team.applicant, json: ["platform": "BFR"] as CanonicalJSON).json
            let anna = try await Self.signedIn(app, team.applicant)

            let unassessed = try await anna.get("/cases/\(Self.id(second))")
            #expect(unassessed.body.contains(#"<dd id="queue-place">ej bedömt än</dd>"#))
            #expect(unassessed.body.contains("Ärendet är inte bedömt än och har ingen plats i kön; 0 bedömda ärenden väntar."))
            // Assessed, the later case scores higher and goes first; the applicant sees their places and the rule.
            _ = try await CaseTeam.assess(app, first, by: team.coordinator, scores: ["lagkrav": 0, "patientsakerhet": 1, "verksamhetsnytta": 1, "informationssakerhet": 1])
            _ = try await CaseTeam.assess(app, second, by: team.coordinator, scores: ["lagkrav": 4, "patientsakerhet": 3, "verksamhetsnytta": 2, "informationssakerhet": 1])
            let waiting = try await anna.get("/cases/\(Self.id(second))")
            #expect(waiting.body.contains(#"<dd id="queue-place">1 av 2</dd>"#))
            #expect(waiting.body.contains("Ingen åtgärd behövs från er just nu. Ärendet är först i kön (2 bedömda ärenden väntar)"))
            #expect(waiting.body.contains(#"id="queue-rule""#) && waiting.body.contains("räknas × 2"))
            let drafted = try await anna.get("/cases/\(Self.id(draft))")
            #expect(drafted.body.contains("Fyll i beställningen och skicka in den ("))
            #expect(!drafted.body.contains(#"id="queue-place""#), "a draft is in no queue")

            var triaged = try await CaseTeam.command(app, first, by: team.coordinator, "begin_triage").json
            _ = try await app.api(
                .POST, "/api/v1/cases/\(Self.id(triaged))/threads", as: team.coordinator,
                json: ["kind": "question", "text": "Vilken PU-tjänst?"] as CanonicalJSON)
            triaged = try await app.api(.GET, "/api/v1/cases/\(Self.id(triaged))", as: team.applicant).json
            let working = try await anna.get("/cases/\(Self.id(triaged))")
            #expect(working.body.contains("Svara på en fråga från plattformsteamet"))
            // The items to do come by section, the ones that keep the gate shut first, each linked to its row.
            #expect(working.body.contains("Beställning och ärende (2 att göra, 1 krävs för att gå vidare)"))
            #expect(working.body.contains(
                #"item=del1%2Ebestallning%2Earende%2Dskapat#item-del1.bestallning.arende-skapat">Ärende skapat i VGR IT"#))
            let after = try await anna.get("/cases/\(Self.id(second))")
            #expect(after.body.contains(#"<dd id="queue-place">1 av 2</dd>"#), "triage still waits for work to start")
            let list = try await anna.get("/cases")
            #expect(list.body.contains("Plats i kön") && list.body.contains("1 av 2") && list.body.contains("2 av 2"))
        }
    }

    @Test("the coordinator's inbox: new, waiting for us, waiting for the applicant, by phase, by age")
    func inboxViews() async throws {
        try await withTestApp { app in
            let team = try await CaseTeam.make(app, platform: "BFR")
            let fresh = try await team.newCase(app)
            let asked = try await CaseTeam.command(app, try await team.newCase(app), by: team.coordinator, "begin_triage").json
            _ = try await app.api(
                .POST, "/api/v1/cases/\(Self.id(asked))/threads", as: team.coordinator,
                json: ["kind": "question", "text": "Vilken PU-tjänst?"] as CanonicalJSON)
            let ours = try await CaseTeam.command(app, try await team.newCase(app), by: team.coordinator, "begin_triage").json
            let cora = try await Self.signedIn(app, team.coordinator)
            let numbers = [fresh, asked, ours].map { $0["number"].stringValue! }

            func shows(_ view: String) async throws -> [Bool] {
                let page = try await cora.get("/cases?view=\(view)")
                #expect(page.status == .ok)
                return numbers.map { page.body.contains(">\($0)<") }
            }
            #expect(try await shows("new") == [true, false, false])
            #expect(try await shows("applicant") == [false, true, false])
            #expect(try await shows("ours") == [false, false, true])
            #expect(try await shows("all") == [true, true, true])
            let byPhase = try await cora.get("/cases?view=phase")
            #expect(byPhase.body.contains("<h2>Del 1 Anslutningsbeställning</h2>"))
            let byAge = try await cora.get("/cases?view=age")
            #expect(byAge.body.contains("Oförändrat i") && byAge.body.contains("0 dagar"))
            #expect(byAge.body.contains(#"id="view-age" href="/cases?view=age" aria-current="page">Äldst först (3)"#))
        }
    }

    @Test("decision makers, security reviewers and technicians see their own open items; applicants have no task list")
    func roleQueues() async throws {
        try await withTestApp { app in
            let team = try await CaseTeam.make(app, platform: "BFR")
            let triaged = try await CaseTeam.command(app, try await team.newCase(app), by: team.coordinator, "begin_triage").json
            let number = triaged["number"].stringValue!

            let dag = try await Self.signedIn(app, team.decisionMaker)
            let decisions = try await dag.get("/tasks")
            #expect(decisions.status == .ok)
            #expect(decisions.body.contains(number) && decisions.body.contains("Beslut (beslutsfattare)"))
            let cora = try await Self.signedIn(app, team.coordinator)
            #expect(try await cora.get("/tasks").body.contains("Uppgift (samordnare)"))
            let tea = try await Self.signedIn(app, team.technician)
            #expect(try await tea.get("/tasks").body.contains(#"id="no-tasks""#), "nothing of Del 1 is the technician's")

            // Into Del 2, where the technician owns items and the security reviewer none (BFR has no security review).
            var current = try await team.workCurrentPhase(app, triaged)
            current = try await CaseTeam.command(app, current, by: team.coordinator, "start").json
            let technical = try await tea.get("/tasks")
            #expect(technical.body.contains(number) && technical.body.contains("Uppgift (tekniker)"))
            let siv = try await Self.signedIn(app, team.securityReviewer)
            #expect(try await siv.get("/tasks").body.contains(#"id="no-tasks""#))

            let anna = try await Self.signedIn(app, team.applicant)
            #expect(try await anna.get("/tasks").status == .notFound)
        }
    }
}
