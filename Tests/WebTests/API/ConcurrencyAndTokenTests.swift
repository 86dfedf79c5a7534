import Domain
import Foundation
import TestSupport
import Testing
import Vapor

@Suite("Concurrent edits, tokens and problem details")
struct ConcurrencyAndTokenTests {
    @Test("the second writer of the same version gets 409 with the current state, never a silent overwrite")
    func versionConflict() async throws {
        try await withTestApp { app in
            let team = try await CaseTeam.make(app, platform: "BFR")
            let other = try await Fixtures.user(app, "andra@bfr.example", role: .coordinator, platform: "BFR")
            var current = try await team.newCase(app)
            current = try await CaseTeam.command(app, current, by: team.coordinator, "begin_triage").json
            let item = current["phases"].elements[0]["sections"].elements[0]["items"].elements
                .first { $0["kind"] != "decision" && $0["evidence"].elements.isEmpty }!

            let first = try await CaseTeam.command(app, current, by: team.coordinator, "tick", ["item": item["id"]])
            let second = try await CaseTeam.command(
                app, current, by: other, "reopen", ["item": item["id"]], expect: .conflict)
            #expect(second.json["code"] == "version-conflict")
            #expect(second.json["current"]["version"] == first.json["version"])
            let stored = try await app.api(.GET, "/api/v1/cases/\(current["id"].stringValue!)", as: other).json
            let storedItem = stored["phases"].elements[0]["sections"].elements[0]["items"].elements.first { $0["id"] == item["id"] }
            #expect(storedItem?["state"]["status"] == "done")

            let staleEdit = try await app.api(
                .PATCH, "/api/v1/cases/\(current["id"].stringValue!)", as: team.applicant,
                json: ["fields": [:], "version": 0] as CanonicalJSON)
            #expect(staleEdit.status == .conflict)
        }
    }

    @Test("parallel commands on one case: exactly one of each pair of same-version writers wins")
    func parallelWriters() async throws {
        try await withTestApp { app in
            let team = try await CaseTeam.make(app, platform: "TAKECARE")
            let snapshot = try await team.newCase(app)
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for _ in 0..<6 {
                    group.addTask {
                        try await app.api(
                            .POST, "/api/v1/cases/\(snapshot["id"].stringValue!)/commands", as: team.coordinator,
                            json: ["command": "put_on_hold", "reason": "Väntar", "version": snapshot["version"]] as CanonicalJSON
                        ).status
                    }
                }
                return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .ok }.count == 1)
            #expect(statuses.filter { $0 == .conflict }.count == 5)
        }
    }

    @Test("a token for the right password works; a wrong password is a 401 problem")
    func tokens() async throws {
        try await withTestApp { app in
            _ = try await Fixtures.user(app, "Person@Region.example", role: .coordinator, platform: "BFR")
            let good = try await app.api(
                .POST, "/api/v1/auth/token", json: ["email": "person@region.example", "password": .string(TestUsers.password)] as CanonicalJSON)
            #expect(good.status == .ok)
            let token = try #require(good.json["token"].stringValue)
            #expect(good.json["expiresAt"].stringValue != nil)
            let platforms = try await app.api(
                .GET, "/api/v1/platforms", headers: ["Authorization": "Bearer \(token)"])
            #expect(platforms.status == .ok)
            #expect(Set(platforms.json.elements.compactMap { $0["code"].stringValue }) == ["BFR", "TAKECARE"])

            let bad = try await app.api(
                .POST, "/api/v1/auth/token", json: ["email": "person@region.example", "password": "fel"] as CanonicalJSON)
            #expect(bad.status == .unauthorized)
            #expect(bad.json["title"] == "Fel e-postadress eller lösenord")
            let english = try await app.api(
                .POST, "/api/v1/auth/token", json: ["email": "x@y.example", "password": "fel"] as CanonicalJSON,
                headers: ["Accept-Language": "en"])
            #expect(english.json["title"] == "Wrong e-mail address or password")
            let forged = try await app.api(.GET, "/api/v1/cases", headers: ["Authorization": "Bearer anslut_forged"])
            #expect(forged.status == .unauthorized)
        }
    }

    @Test("malformed bodies and unknown commands are problems that name the field, never 500")
    func badInput() async throws {
        try await withTestApp { app in
            let team = try await CaseTeam.make(app, platform: "BFR")
            let notJSON = try await app.api(
                .POST, "/api/v1/cases", as: team.applicant, headers: ["Content-Type": "application/json"])
            #expect(notJSON.status == .badRequest || notJSON.status == .unprocessableEntity, "\(notJSON.text)")
            let unknownPlatform = try await app.api(.POST, "/api/v1/cases", as: team.applicant, json: ["platform": "NOPE"] as CanonicalJSON)
            #expect(unknownPlatform.status == .unprocessableEntity)
            #expect(unknownPlatform.json["errors"].elements.first?["field"] == "platform")
            let created = try await app.api(
                .POST, "/api/v1/cases", as: team.applicant,
                json: ["platform": "BFR", "fields": ["project_manager_email": "inte-en-adress", "<script>": "x"]] as CanonicalJSON)
            #expect(created.status == .unprocessableEntity)
            #expect(Set(created.json["errors"].elements.compactMap { $0["field"].stringValue }) == ["fields.project_manager_email", "fields.<script>"])
            let draft = try await app.api(.POST, "/api/v1/cases", as: team.applicant, json: ["platform": "BFR"] as CanonicalJSON).json
            let unknown = try await CaseTeam.command(app, draft, by: team.applicant, "launch", expect: .unprocessableEntity)
            #expect(unknown.json["errors"].elements.first?["field"] == "command")
            let noVersion = try await app.api(
                .POST, "/api/v1/cases/\(draft["id"].stringValue!)/commands", as: team.applicant,
                json: ["command": "submit"] as CanonicalJSON)
            #expect(noVersion.status == .unprocessableEntity)
            #expect(noVersion.json["errors"].elements.first?["field"] == "version")
            let badList = try await app.api(.GET, "/api/v1/cases?status=flying&limit=0", as: team.applicant)
            #expect(Set(badList.json["errors"].elements.compactMap { $0["field"].stringValue }) == ["status", "limit"])
        }
    }
}
