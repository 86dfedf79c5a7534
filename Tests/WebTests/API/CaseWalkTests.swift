import Domain
import Foundation
import Persistence
import TestSupport
import Testing
import Vapor

/// The definition of done of the process engine issue: both platforms' processes walked over the HTTP API.
@Suite("Cases walked through their process over the API")
struct CaseWalkTests {
    @Test("a BFR case goes from draft to in_production, with every refusal the rules call for")
    func bfrWalk() async throws {
        try await withTestApp { app in
            let team = try await CaseTeam.make(app, platform: "BFR")

            // A draft with only some fields; submitting it lists every missing field.
            let created = try await app.api(
                .POST, "/api/v1/cases", as: team.applicant,
                json: ["platform": "BFR", "fields": ["system_name": "RIS Väst"]] as CanonicalJSON)
            #expect(created.status == .created, "\(created.text)")
            var current = created.json
            #expect(current["number"].stringValue?.hasPrefix("BFR-20") == true)
            #expect(current["status"] == "draft")
            let incomplete = try await CaseTeam.command(app, current, by: team.applicant, "submit", expect: .unprocessableEntity)
            #expect(incomplete.headers.first(name: .contentType)?.hasPrefix("application/problem+json") == true, "\(incomplete.headers)")
            let missing = Set(incomplete.json["errors"].elements.compactMap { $0["field"].stringValue })
            let form = try OrderAnswers.complete(platform: "BFR")
            // Every required field but the one given, and none of the optional ones.
            #expect(missing.contains("fields.purpose") && missing.contains("fields.organisation_id"))
            #expect(missing.contains("fields.confidentiality_affirmed"))
            #expect(!missing.contains("fields.system_name") && !missing.contains("fields.i_kundnr"))
            #expect(!missing.contains("fields.pu_service_name"), "required only when pu_service is ja")
            #expect(missing.isSubset(of: Set(form.keys.map { "fields.\($0)" })))

            current = try await Self.editFields(app, current, by: team.applicant)
            #expect(current["risks"].elements.isEmpty)
            current = try await CaseTeam.command(app, current, by: team.applicant, "submit").json
            #expect(current["status"] == "submitted")
            current = try await CaseTeam.command(app, current, by: team.coordinator, "begin_triage").json
            #expect(current["status"] == "triage")

            // The gate refuses while required items are open, and names them.
            let intake = current["phases"].elements[0]
            let gateRefusal = try await CaseTeam.command(
                app, current, by: team.coordinator, "complete_phase", ["phase": intake["id"]], expect: .conflict)
            #expect(gateRefusal.json["code"] == "gate-open-items")
            #expect(!gateRefusal.json["errors"].elements.isEmpty)

            // A coordinator without the decision role may not decide.
            let decisionItem = intake["sections"].elements.flatMap { $0["items"].elements }.first { $0["kind"] == "decision" }!
            let roleRefusal = try await CaseTeam.command(
                app, current, by: team.coordinator, "decide", ["item": decisionItem["id"], "outcome": "approve"],
                expect: .forbidden)
            #expect(roleRefusal.json["code"] == "missing-role")

            // Returned for completion: back to the applicant, who edits and resubmits; work resumes in triage.
            current = try await CaseTeam.command(
                app, current, by: team.coordinator, "return_for_completion", ["reason": "Flödesbeskrivning saknas"]).json
            #expect(current["status"] == "returned_for_completion")
            current = try await Self.editFields(app, current, by: team.applicant, purpose: "Lagra och visa bilder")
            current = try await CaseTeam.command(app, current, by: team.applicant, "resubmit").json
            #expect(current["status"] == "triage")

            // Intake done → queued; start; then every phase until production.
            current = try await team.workCurrentPhase(app, current)
            #expect(current["status"] == "queued")
            current = try await CaseTeam.command(app, current, by: team.coordinator, "start").json
            #expect(current["status"] == "in_progress")
            var phases = 1
            while current["status"] == "in_progress" {
                current = try await team.workCurrentPhase(app, current)
                phases += 1
            }
            #expect(current["status"] == "in_production")
            // The start and the arrival in production are recorded: the queue's forecast learns from them.
            let durations = try await QueueStore.onboardingDurations(platform: "BFR", since: .distantPast, on: app.store)
            #expect(durations.count == 1 && durations[0] >= 0)
            #expect(phases == 4)

            // Every step is in the case's audit trail, and the chain is intact.
            let events = try await app.api(.GET, "/api/v1/cases/\(current["id"].stringValue!)/events", as: team.applicant)
            let actions = events.json.elements.compactMap { $0["action"].stringValue }
            #expect(actions.first == "case.create")
            for action in ["case.submit", "case.begin_triage", "case.return_for_completion", "case.edit", "case.resubmit",
                           "case.tick", "case.decide", "case.complete_phase", "case.start"] {
                #expect(actions.contains(action), "\(action) missing from \(actions)")
            }
            // Every change of the case's state is one event; the documents and the assessment its evidence names are
            // recorded beside them.
            #expect(actions.filter { !["case.document.upload", "case.assess"].contains($0) }.count == (current["version"].intValue ?? 0) + 1)
            #expect(actions.contains("case.assess"))
            #expect(actions.contains("case.document.upload"))
            #expect(try await AuditVerification.verify(on: app.store).intact)
        }
    }

    @Test("a TakeCare case goes through all six steps")
    func takeCareWalk() async throws {
        try await withTestApp { app in
            let team = try await CaseTeam.make(app, platform: "TAKECARE")
            var current = try await app.api(
                .POST, "/api/v1/cases", as: team.applicant,
                json: ["platform": "TAKECARE", "fields": try CaseTeam.completeFieldsJSON("TAKECARE")]
                    as CanonicalJSON
            ).json
            #expect(current["number"].stringValue?.hasPrefix("TAKECARE-") == true)
            #expect(current["phases"].elements.count == 6)
            current = try await CaseTeam.command(app, current, by: team.applicant, "submit").json
            current = try await CaseTeam.command(app, current, by: team.coordinator, "begin_triage").json
            current = try await team.workCurrentPhase(app, current)
            current = try await CaseTeam.command(app, current, by: team.coordinator, "start").json
            var steps = 1
            while current["status"] == "in_progress" {
                current = try await team.workCurrentPhase(app, current)
                steps += 1
            }
            #expect(steps == 6)
            #expect(current["status"] == "in_production")
            // The start and the arrival in production are recorded: the queue's forecast learns from them.
            let durations = try await QueueStore.onboardingDurations(platform: "TAKECARE", since: .distantPast, on: app.store)
            #expect(durations.count == 1 && durations[0] >= 0)
            #expect(try await AuditVerification.verify(on: app.store).intact)
        }
    }

    @Test("risky answers (manual personnummer entry, no test environment) are flagged on the case, wrong ones named")
    func riskFlagsAndFieldErrors() async throws {
        try await withTestApp { app in
            let team = try await CaseTeam.make(app, platform: "BFR")
            let fields = try OrderAnswers.complete(
                platform: "BFR", overriding: ["manual_pnr_entry": "ja", "test_environment": "nej"])
            let created = try await app.api(
                .POST, "/api/v1/cases", as: team.applicant,
                json: ["platform": "BFR", "fields": .object(fields.mapValues(CanonicalJSON.string))] as CanonicalJSON)
            #expect(created.status == .created, "\(created.text)")
            #expect(created.json["risks"].elements.compactMap { $0["field"].stringValue } == ["test_environment", "manual_pnr_entry"])
            let wrong = try await app.api(
                .PATCH, "/api/v1/cases/\(created.json["id"].stringValue!)", as: team.applicant,
                json: ["fields": ["organisation_id": "556559-4231"], "version": created.json["version"]] as CanonicalJSON)
            #expect(wrong.status == .unprocessableEntity)
            let error = wrong.json["errors"].elements.first
            #expect(error?["field"] == "fields.organisation_id" && error?["code"] == "wrong-check-digit")
            #expect(error?["message"].stringValue?.contains("Kontrollsiffran") == true, "\(wrong.text)")
        }
    }

    static func editFields(
        _ app: Application, _ caseJSON: CanonicalJSON, by user: TestUser, purpose: String? = nil
    ) async throws -> CanonicalJSON {
        var fields = try OrderAnswers.complete(platform: "BFR")
        if let purpose { fields["purpose"] = purpose }
        let response = try await app.api(
            .PATCH, "/api/v1/cases/\(caseJSON["id"].stringValue!)", as: user,
            json: ["fields": .object(fields.mapValues(CanonicalJSON.string)), "version": caseJSON["version"]] as CanonicalJSON)
        #expect(response.status == .ok, "\(response.text)")
        return response.json
    }
}
