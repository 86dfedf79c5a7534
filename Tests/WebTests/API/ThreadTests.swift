import Domain
import Foundation
import Persistence
import TestSupport
import Testing
import Vapor

@Suite("Questions and comments on a case")
struct ThreadTests {
    @Test("the coordinator asks, the applicant answers, the coordinator closes; all audited")
    func questionRoundTrip() async throws {
        try await withTestApp { app in
            let team = try await CaseTeam.make(app, platform: "BFR")
            // Staff see a case once it is submitted.
            let submitted = try await team.newCase(app)
            let id = submitted["id"].stringValue!
            let item = submitted["phases"].elements[0]["sections"].elements[0]["items"].elements[0]["id"]

            let asked = try await app.api(
                .POST, "/api/v1/cases/\(id)/threads", as: team.coordinator,
                json: ["kind": "question", "item": item, "text": "Vilken PU-tjänst använder ni?"] as CanonicalJSON)
            #expect(asked.status == .created, "\(asked.text)")
            #expect(asked.json["status"] == "open")
            let thread = asked.json["id"].stringValue!

            let answered = try await app.api(
                .POST, "/api/v1/cases/\(id)/threads/\(thread)/messages", as: team.applicant,
                json: ["text": "Regionens PU-tjänst via <b>RTP</b>"] as CanonicalJSON)
            #expect(answered.json["status"] == "answered")
            #expect(answered.json["messages"].elements.count == 2)
            #expect(answered.json["messages"].elements[1]["body"] == "Regionens PU-tjänst via <b>RTP</b>")

            let closed = try await app.api(.POST, "/api/v1/cases/\(id)/threads/\(thread)/close", as: team.coordinator)
            #expect(closed.json["status"] == "closed")
            let late = try await app.api(
                .POST, "/api/v1/cases/\(id)/threads/\(thread)/messages", as: team.applicant,
                json: ["text": "En sak till"] as CanonicalJSON)
            #expect(late.status == .conflict)

            let listed = try await app.api(.GET, "/api/v1/cases/\(id)/threads", as: team.applicant).json
            #expect(listed.elements.count == 1)
            let actions = try await app.api(.GET, "/api/v1/cases/\(id)/events", as: team.applicant).json.elements
                .compactMap { $0["action"].stringValue }
            #expect(actions == ["case.create", "case.submit", "case.thread.open", "case.thread.reply", "case.thread.close"])
        }
    }

    @Test("empty text, unknown items and foreign threads are refused")
    func badThreads() async throws {
        try await withTestApp { app in
            let team = try await CaseTeam.make(app, platform: "BFR")
            let mine = try await app.api(.POST, "/api/v1/cases", as: team.applicant, json: ["platform": "BFR"] as CanonicalJSON).json
            let id = mine["id"].stringValue!
            let empty = try await app.api(
                .POST, "/api/v1/cases/\(id)/threads", as: team.applicant, json: ["kind": "comment", "text": "  "] as CanonicalJSON)
            #expect(empty.status == .unprocessableEntity)
            let unknownItem = try await app.api(
                .POST, "/api/v1/cases/\(id)/threads", as: team.applicant,
                json: ["kind": "comment", "item": "del9.nothing", "text": "x"] as CanonicalJSON)
            #expect(unknownItem.json["errors"].elements.first?["field"] == "item")
            let badKind = try await app.api(
                .POST, "/api/v1/cases/\(id)/threads", as: team.applicant, json: ["kind": "rumour", "text": "x"] as CanonicalJSON)
            #expect(badKind.status == .badRequest)
            let foreign = try await Fixtures.user(app, "x@annan.example", role: .applicant, organisation: "2321000131")
            let thread = try await app.api(
                .POST, "/api/v1/cases/\(id)/threads", as: team.applicant, json: ["kind": "comment", "text": "x"] as CanonicalJSON
            ).json["id"].stringValue!
            let reply = try await app.api(
                .POST, "/api/v1/cases/\(id)/threads/\(thread)/messages", as: foreign, json: ["text": "y"] as CanonicalJSON)
            #expect(reply.status == .notFound)
        }
    }
}
