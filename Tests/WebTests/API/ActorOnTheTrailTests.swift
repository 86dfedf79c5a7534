import Domain
import Foundation
import Persistence
import TestSupport
import Testing
import Vapor
import Workflow

@Suite("Actors on the trail are typed")
struct ActorOnTheTrailTests {
    @Test("the events API gives each actor as kind, id and name; a system account's command is audited and shown as such")
    func actors() async throws {
        try await withTestApp { app in
            let team = try await CaseTeam.make(app, platform: "BFR")
            let submitted = try await team.newCase(app)
            let caseID = try #require(UUID(uuidString: submitted["id"].stringValue ?? ""))
            // A connecting system's account with the coordinator's role on BFR (system accounts come with the
            // operation issue; the trail already names them).
            let account = UUID()
            let system = Principal(
                userID: account, email: "ris@vardgivare.example", organisationID: nil,
                grants: [RoleGrant(role: .coordinator, platform: "BFR")], actor: .systemAccount(account))
            _ = try await CaseWorkflow.run(.beginTriage, on: caseID, by: system, expectedVersion: nil, in: app.store, clock: app.config.clock)

            let events = try await app.api(.GET, "/api/v1/cases/\(caseID)/events", as: team.coordinator, headers: ["Accept-Language": "en"]).json
            let actors = events.elements.map { $0["actor"] }
            #expect(actors.first?["kind"] == "user")
            #expect(actors.first?["id"] == .string(team.applicant.id.uuidString.lowercased()))
            #expect(actors.first?["displayName"] == "sokande@bfr.example")
            let triage = try #require(events.elements.first { $0["action"] == "case.begin_triage" })
            #expect(triage["actor"] == ["kind": "system_account", "id": .string(account.uuidString.lowercased()), "displayName": "A system account"])

            let stored = try await AuditLog.events(about: CaseRecord.subject(caseID), on: app.store)
            #expect(stored.first { $0.action == "case.begin_triage" }?.auditActor == .systemAccount(account))

            let browser = PageClient(app)
            _ = try await browser.signIn(team.coordinator.email)
            let page = try await browser.get("/cases/\(caseID)")
            #expect(page.body.contains("Ett systemkonto</strong> <span>påbörjade bedömningen"))
        }
    }
}
