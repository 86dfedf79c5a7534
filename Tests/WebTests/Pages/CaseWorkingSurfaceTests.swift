import Domain
import Foundation
import TestSupport
import Testing
import Vapor

/// The case page as a working surface: where the case stands, the checklist's filters and item disclosures, the
/// paged timeline, and the inbox's progress and turn.
@Suite("The case page as a working surface")
struct CaseWorkingSurfaceTests {
    private static func id(_ json: CanonicalJSON) -> String { json["id"].stringValue!.lowercased() }

    @Test("the header shows the phases, the current phase's required items and whose turn it is")
    func whereTheCaseStands() async throws {
        try await withTestApp { app in
            let team = try await CaseTeam.make(app, platform: "BFR")
            let triaged = try await CaseTeam.command(app, try await team.newCase(app), by: team.coordinator, "begin_triage").json
            let cora = PageClient(app)
            _ = try await cora.signIn(team.coordinator.email)
            let page = try await cora.get("/cases/\(Self.id(triaged))")
            #expect(page.body.contains(#"<li class="phase current" aria-current="step"><span class="visually-hidden">pågår: </span>Del 1 Anslutningsbeställning</li>"#))
            #expect(page.body.contains(#"<li class="phase ahead"><span class="visually-hidden">kommande: </span>Del 4 Etablering</li>"#))
            #expect(page.body.contains(#"<progress id="phase-progress" max="11" value="0""#))
            #expect(page.body.contains("0 klara, 11 öppna, 0 ej tillämpliga av 11 obligatoriska"))
            // The applicant owns open required items of Del 1, so the case waits for them.
            #expect(page.body.contains(#"<strong id="case-turn">Väntar på sökande</strong>"#))
            #expect(page.body.contains(##"<a href="#checklist">Checklista (11 öppna)</a>"##))
        }
    }

    @Test("filters open, mine and all are links kept in the URL; an item asked for opens with its actions")
    func checklistFilters() async throws {
        try await withTestApp { app in
            let team = try await CaseTeam.make(app, platform: "BFR")
            let triaged = try await CaseTeam.command(app, try await team.newCase(app), by: team.coordinator, "begin_triage").json
            let id = Self.id(triaged)
            let ticked = try await app.api(
                .POST, "/api/v1/cases/\(id)/commands", as: team.coordinator,
                json: ["command": "tick", "item": "del1.bestallning.arende-skapat", "version": triaged["version"],
                       "evidence": [["kind": "comment", "reference": "Ärende INC-1 skapat"]]] as CanonicalJSON)
            #expect(ticked.status == .ok, "\(ticked.text)")
            let cora = PageClient(app)
            _ = try await cora.signIn(team.coordinator.email)

            let all = try await cora.get("/cases/\(id)")
            #expect(all.body.contains(##"id="filter-all" href="/cases/\##(id)?filter=all#checklist" aria-current="true""##))
            #expect(all.body.contains(#"id="item-del1.bestallning.arende-skapat" class="item done""#))
            #expect(all.body.contains("Ärende INC-1 skapat"), "a comment's evidence is shown in its row")
            #expect(all.body.contains("(samordnare), "), "who changed the item, and when")
            #expect(!all.body.contains(#"<details class="section" id="section-del1.bestallning" open>"#), "all sections start folded")

            let open = try await cora.get("/cases/\(id)?filter=open")
            #expect(!open.body.contains(#"id="item-del1.bestallning.arende-skapat""#), "a done item is not open")
            #expect(open.body.contains(#"id="item-del1.bilagor.skarmdumpar" class="item open""#))
            #expect(open.body.contains(#"<details class="section" id="section-del1.bilagor" open>"#))

            // The coordinator may work the applicant's items too (separation of duties), so "mine" lists them.
            let mine = try await cora.get("/cases/\(id)?filter=mine")
            #expect(mine.body.contains(#"id="item-del1.bilagor.skarmdumpar""#))

            let focused = try await cora.get("/cases/\(id)?item=del1.bilagor.skarmdumpar")
            #expect(focused.body.contains(#"<details class="item-actions" id="actions-del1.bilagor.skarmdumpar" open>"#))
            #expect(focused.body.contains(#"<details class="section" id="section-del1.bilagor" open>"#))
            // Attachment evidence is chosen among the case's documents, with an upload in the same step.
            #expect(focused.body.contains(#"<select name="evidence_attachment" id="tick-del1.bilagor.skarmdumpar-attachment" required>"#))
            #expect(focused.body.contains(#"action="/cases/\#(id)/documents?item=del1%2Ebilagor%2Eskarmdumpar""#))
        }
    }

    @Test("an upload from an item's actions comes back to the item with the new document chosen; ticking with it links it")
    func uploadInTheSameStep() async throws {
        try await withTestApp { app in
            let team = try await CaseTeam.make(app, platform: "BFR")
            let triaged = try await CaseTeam.command(app, try await team.newCase(app), by: team.coordinator, "begin_triage").json
            let id = Self.id(triaged)
            let cora = PageClient(app)
            _ = try await cora.signIn(team.coordinator.email)
            _ = try await cora.get("/cases/\(id)")
            let posted = try await cora.upload(
                "/cases/\(id)/documents?item=del1.bilagor.skarmdumpar", fields: [("kind", "screenshot")],
                file: (field: "file", name: "skarm.pdf", data: Array("%PDF-1.4\n%%EOF\n".utf8)))
            #expect(posted.status == .seeOther, "\(posted.body)")
            #expect(posted.headers.first(name: .location) == "/cases/\(id)?item=del1%2Ebilagor%2Eskarmdumpar#item-del1%2Ebilagor%2Eskarmdumpar")
            let back = try await cora.get("/cases/\(id)?item=del1.bilagor.skarmdumpar")
            let document = try #require(back.body.firstMatch(of: /<option value="([0-9a-f-]{36})" selected>skarm.pdf \(Skärmdump v1\)<\/option>/)?.1)
            let version = try #require(back.body.firstMatch(of: /name="version" value="(\d+)"/)?.1)
            let ticked = try await cora.post(
                "/cases/\(id)/commands",
                ["command": "tick", "item": "del1.bilagor.skarmdumpar", "version": String(version), "evidence_attachment": String(document)])
            #expect(ticked.status == .seeOther, "\(ticked.body)")
            let after = try await cora.get("/cases/\(id)")
            #expect(after.body.contains(#"<a href="/cases/\#(id)/documents/\#(document)">skarm.pdf (Skärmdump v1)</a>"#))
            #expect(after.body.contains("1 klara, 10 öppna"))
        }
    }

    @Test("the timeline is paged newest first and filtered by kind, with names, roles and the zone")
    func timeline() async throws {
        try await withTestApp { app in
            let team = try await CaseTeam.make(app, platform: "BFR")
            let triaged = try await CaseTeam.command(app, try await team.newCase(app), by: team.coordinator, "begin_triage").json
            let id = Self.id(triaged)
            for number in 1...16 {
                _ = try await app.api(
                    .POST, "/api/v1/cases/\(id)/threads", as: team.coordinator,
                    json: ["kind": "comment", "text": .string("Anteckning \(number)")] as CanonicalJSON)
            }
            let cora = PageClient(app)
            _ = try await cora.signIn(team.coordinator.email)
            let first = try await cora.get("/cases/\(id)")
            // create, submit, begin triage and 16 comments: 19 events, 10 a page
            #expect(first.body.contains("sida 1 av 2") && first.body.contains(##"<a href="#timeline">Händelser (19)</a>"##))
            #expect(first.body.contains(##"id="events-older" href="/cases/\##(id)?events_page=2#timeline""##))
            #expect(first.body.firstMatch(of: /CE(S)?T<\/span> <strong class="actor">Du \(samordnare\)<\/strong> <span>skrev en kommentar/) != nil)
            let second = try await cora.get("/cases/\(id)?events_page=2")
            #expect(second.body.contains("sida 2 av 2") && second.body.contains("skapade ärendet"))
            let status = try await cora.get("/cases/\(id)?events=status")
            #expect(status.body.contains("påbörjade bedömningen") && !status.body.contains("skrev en kommentar"))
            #expect(status.body.contains(##"id="events-status" href="/cases/\##(id)?events=status#timeline" aria-current="true""##))
        }
    }

    @Test("the inbox shows each case's phase progress and whose turn it is, sortable by age and by time waiting")
    func inboxProgress() async throws {
        try await withTestApp { app in
            let team = try await CaseTeam.make(app, platform: "BFR")
            let older = try await team.newCase(app)
            let newer = try await CaseTeam.command(app, try await team.newCase(app), by: team.coordinator, "begin_triage").json
            let cora = PageClient(app)
            _ = try await cora.signIn(team.coordinator.email)
            let inbox = try await cora.get("/cases")
            #expect(inbox.body.contains("Väntar på plattformsteamet") && inbox.body.contains("Väntar på sökande"))
            #expect(inbox.body.contains(#"aria-label="Fasens obligatoriska punkter för \#(older["number"].stringValue!)""#))
            func order(_ sort: String) async throws -> [String] {
                let page = try await cora.get("/cases?sort=\(sort)")
                return page.body.matches(of: />(BFR-\d{4}-\d{4})</).map { String($0.1) }
            }
            let numbers = [older, newer].map { $0["number"].stringValue! }
            #expect(try await order("age") == numbers, "the oldest case first")
            #expect(try await order("waiting") == numbers, "the one unchanged longest first")
            #expect(try await order("changed") == numbers.reversed())
        }
    }
}
