import Domain
import Foundation
import Persistence
import TestSupport
import Testing
import Vapor
import Web
import Workflow

/// Several calling AE titles per verification account, over the API and the case page: each title held by one
/// account that is not revoked, found by any of them, changed in place, freed by a revocation.
@Suite("Verification accounts with several calling AE titles")
struct AETitleAccountTests {
    static func accounts(_ id: String) -> String { "/api/v1/cases/\(id)/accounts" }

    @Test("registered with several titles, found by any, changed in place; a title held elsewhere or a bad list is a 422 at its place")
    func titles() async throws {
        try await withTestApp { app in
            let team = try await CaseTeam.make(app, platform: "BFR")
            let id = try await VerificationTrafficTests.caseInDel4(app, team)["id"].stringValue!
            let created = try await app.api(
                .POST, Self.accounts(id), as: team.technician, json: ["dicomAETitles": ["CT1", " MR1 "]] as CanonicalJSON)
            #expect(created.status == .created, "\(created.text)")
            let fleet = created.json
            #expect(fleet["dicomAETitles"] == ["CT1", "MR1"], "padding is not part of a title")
            #expect(try await app.api(.GET, Self.accounts(id), as: team.technician).json.elements.first?["dicomAETitles"] == ["CT1", "MR1"])

            let found = try #require(try await SystemAccountStore.active(aeTitle: "MR1", environment: .verification, on: app.store))
            #expect(found.id.uuidString == fleet["id"].stringValue?.uppercased() && found.dicomAETitles == ["CT1", "MR1"])
            #expect(try await SystemAccountStore.active(aeTitle: "US1", environment: .verification, on: app.store) == nil)

            let taken = try await app.api(
                .POST, Self.accounts(id), as: team.technician, json: ["dicomAETitles": ["US1", "MR1"]] as CanonicalJSON)
            #expect(taken.status == .unprocessableEntity)
            let error = try #require(taken.json["errors"].elements.first)
            #expect(error["field"] == "dicomAETitles/1" && error["code"] == "ae-title-taken", "\(taken.text)")
            #expect(taken.text.contains("MR1"))
            let badList = try await app.api(
                .POST, Self.accounts(id), as: team.technician,
                json: ["dicomAETitles": ["US1", "US\\2", "US1"]] as CanonicalJSON)
            #expect(badList.status == .unprocessableEntity)
            #expect(badList.json["errors"].elements.map { "\($0["field"].stringValue!) \($0["code"].stringValue!)" }
                == ["dicomAETitles/1 invalid-ae-title", "dicomAETitles/2 duplicate-ae-title"])
            let tooMany = try await app.api(
                .POST, Self.accounts(id), as: team.technician,
                json: ["dicomAETitles": .array((1...17).map { .string("US\($0)") })] as CanonicalJSON)
            #expect(tooMany.status == .unprocessableEntity && tooMany.text.contains("too-many-ae-titles"))

            let other = try await app.api(
                .POST, Self.accounts(id), as: team.technician,
                json: ["hl7SendingApplication": "RIS1", "hl7SendingFacility": "SU", "dicomAETitles": ["US1"]] as CanonicalJSON)
            #expect(other.status == .created, "\(other.text)")
            let path = Self.accounts(id) + "/\(fleet["id"].stringValue!)"
            let changed = try await app.api(
                .PATCH, path, as: team.technician,
                json: ["dicomAETitles": ["CT1", "CT2", "MR1"], "version": fleet["version"]] as CanonicalJSON)
            #expect(changed.status == .ok, "\(changed.text)")
            #expect(changed.json["dicomAETitles"] == ["CT1", "CT2", "MR1"] && changed.json["version"] == .int(2))
            #expect(try await SystemAccountStore.active(aeTitle: "CT2", environment: .verification, on: app.store)?.id
                == found.id)
            let stale = try await app.api(
                .PATCH, path, as: team.technician, json: ["dicomAETitles": ["CT1"], "version": fleet["version"]] as CanonicalJSON)
            #expect(stale.status == .conflict && stale.text.contains("version-conflict"))
            let stolen = try await app.api(
                .PATCH, path, as: team.technician, json: ["dicomAETitles": ["CT1", "US1"], "version": .int(2)] as CanonicalJSON)
            #expect(stolen.status == .unprocessableEntity && stolen.text.contains("dicomAETitles/1"), "\(stolen.text)")
            let both = try await app.api(
                .PATCH, path, as: team.technician,
                json: ["dicomAETitles": ["CT1"], "status": "paused", "version": .int(2)] as CanonicalJSON)
            #expect(both.status == .unprocessableEntity && both.text.contains("one-change"))
            let neither = try await app.api(.PATCH, path, as: team.technician, json: ["version": .int(2)] as CanonicalJSON)
            #expect(neither.status == .unprocessableEntity)
            let fromCoordinator = try await app.api(
                .PATCH, path, as: team.coordinator, json: ["dicomAETitles": ["CT9"], "version": .int(2)] as CanonicalJSON)
            #expect(fromCoordinator.status == .forbidden)

            let events = try await app.api(.GET, "/api/v1/cases/\(id)/events", as: team.technician).json.elements
            let register = try #require(events.first { $0["action"] == "case.account.register" })
            #expect(register["payload"]["dicomAETitles"] == ["CT1", "MR1"], "\(register)")
            let change = try #require(events.first { $0["action"] == "case.account.ae_titles" })
            #expect(change["payload"]["from"] == ["CT1", "MR1"] && change["payload"]["to"] == ["CT1", "CT2", "MR1"])
        }
    }

    @Test("a revoked account frees its titles for another account and keeps them listed; its list no longer changes")
    func revocationFreesTitles() async throws {
        try await withTestApp { app in
            let team = try await CaseTeam.make(app, platform: "BFR")
            let id = try await VerificationTrafficTests.caseInDel4(app, team)["id"].stringValue!
            let old = try await app.api(
                .POST, Self.accounts(id), as: team.technician, json: ["dicomAETitles": ["CT1", "CT2"]] as CanonicalJSON).json
            let paused = try await app.api(
                .PATCH, Self.accounts(id) + "/\(old["id"].stringValue!)", as: team.technician,
                json: ["status": "paused", "version": old["version"]] as CanonicalJSON)
            #expect(paused.status == .ok)
            let whilePaused = try await app.api(
                .POST, Self.accounts(id), as: team.technician, json: ["dicomAETitles": ["CT2"]] as CanonicalJSON)
            #expect(whilePaused.status == .unprocessableEntity, "a paused account keeps its titles")
            let revoked = try await app.api(
                .PATCH, Self.accounts(id) + "/\(old["id"].stringValue!)", as: team.technician,
                json: ["status": "revoked", "version": paused.json["version"]] as CanonicalJSON)
            #expect(revoked.status == .ok && revoked.json["dicomAETitles"] == ["CT1", "CT2"])
            #expect(try await SystemAccountStore.active(aeTitle: "CT2", environment: .verification, on: app.store) == nil)

            let successor = try await app.api(
                .POST, Self.accounts(id), as: team.technician, json: ["dicomAETitles": ["CT2", "CT3"]] as CanonicalJSON)
            #expect(successor.status == .created, "\(successor.text)")
            let found = try await SystemAccountStore.active(aeTitle: "CT2", environment: .verification, on: app.store)
            #expect(found?.id.uuidString == successor.json["id"].stringValue?.uppercased())
            let frozen = try await app.api(
                .PATCH, Self.accounts(id) + "/\(old["id"].stringValue!)", as: team.technician,
                json: ["dicomAETitles": ["CT9"], "version": revoked.json["version"]] as CanonicalJSON)
            #expect(frozen.status == .conflict && frozen.text.contains("återkallat"), "\(frozen.text)")
        }
    }

    @Test("the case page: titles given separated by commas, spaces or lines, shown as a list and changed with the account's form")
    func page() async throws {
        try await withTestApp { app in
            let team = try await CaseTeam.make(app, platform: "BFR")
            let id = try await VerificationTrafficTests.caseInDel4(app, team)["id"].stringValue!.lowercased()
            let tea = PageClient(app)
            _ = try await tea.signIn(team.technician.email)
            let refused = try await tea.post("/cases/\(id)/accounts", ["aeTitles": "CT1 CT\\2", "addresses": ""])
            #expect(refused.status == .unprocessableEntity && refused.body.contains("AE-titel"))
            let registered = try await tea.post("/cases/\(id)/accounts", ["aeTitles": "CT1, MR1\r\nUS1", "addresses": ""])
            #expect(registered.status == .seeOther, "\(registered.body)")
            let shown = try await tea.get("/cases/\(id)")
            #expect(shown.body.contains(#"<ul class="ae-titles"><li>AE CT1</li><li>AE MR1</li><li>AE US1</li></ul>"#))
            let account = try #require(shown.body.firstMatch(of: /accounts\/([0-9a-f-]{36})\/ae-titles/)?.1)
            let changed = try await tea.post("/cases/\(id)/accounts/\(account)/ae-titles", ["aeTitles": "CT1\nCT2", "version": "1"])
            #expect(changed.status == .seeOther, "\(changed.body)")
            let after = try await tea.get("/cases/\(id)")
            #expect(after.body.contains(#"<li>AE CT2</li>"#) && !after.body.contains(#"<li>AE US1</li>"#))
            #expect(after.body.contains("ändrade ett verifieringskontos AE-titlar till CT1, CT2"))
            let stale = try await tea.post("/cases/\(id)/accounts/\(account)/ae-titles", ["aeTitles": "CT3", "version": "1"])
            #expect(stale.status == .unprocessableEntity && stale.body.contains("ändrats av någon annan"))
        }
    }
}
