import Domain
import Foundation
import Persistence
import TestSupport
import Testing
import Vapor
import Workflow

/// The queue over the API on the database of the environment (SQLite, or PostgreSQL with `DATABASE_URL`): its order
/// by score, offers, skips, refusals with their reasons, overrides in the trail, places freed and kept, assessments'
/// history, and what an applicant may see.
@Suite("The queue and assessments over the API")
struct QueueTests {
    /// A case of `team`'s platform, assessed with `scores` (lagkrav, patientsäkerhet, verksamhetsnytta, ökad
    /// informationssäkerhet) and queued: its intake phase worked and completed.
    static func queued(_ app: Application, _ team: CaseTeam, _ scores: [Int]) async throws -> CanonicalJSON {
        var current = try await CaseTeam.command(app, try await team.newCase(app), by: team.coordinator, "begin_triage").json
        let ids = ["lagkrav", "patientsakerhet", "verksamhetsnytta", "informationssakerhet"]
        _ = try await CaseTeam.assess(
            app, current, by: team.coordinator, scores: Dictionary(uniqueKeysWithValues: zip(ids, scores)))
        current = try await team.workCurrentPhase(app, current)
        #expect(current["status"] == "queued")
        return current
    }

    static func queue(_ app: Application, as user: TestUser, _ platform: String = "BFR") async throws -> APIResponse {
        try await app.api(.GET, "/api/v1/platforms/\(platform)/queue", as: user)
    }

    static func principal(_ app: Application, _ user: TestUser) async throws -> Principal {
        try #require(try await AccountStore.principal(userID: user.id, on: app.store))
    }

    @Test("the queue goes by score; an out-of-order start is refused with the reason; a skip passes the offer on; an override is audited")
    func orderSkipOverride() async throws {
        try await withTestApp { app in
            let team = try await CaseTeam.make(app, platform: "BFR")
            let low = try await Self.queued(app, team, [0, 1, 1, 1])
            let high = try await Self.queued(app, team, [4, 4, 3, 3])
            let middle = try await Self.queued(app, team, [0, 3, 2, 2])
            var view = try await Self.queue(app, as: team.coordinator).json
            #expect(view["scope"] == "team")
            #expect(view["waiting"].elements.map { $0["caseID"].stringValue } == [high, middle, low].map { $0["id"].stringValue })
            #expect(view["offered"] == high["id"])

            let refused = try await CaseTeam.command(app, middle, by: team.coordinator, "start", expect: .conflict)
            #expect(refused.json["code"] == "queue-order")
            #expect(refused.text.contains(high["number"].stringValue!), "the refusal names the case ahead")

            _ = try await CaseTeam.command(app, high, by: team.coordinator, "skip_in_queue", expect: .unprocessableEntity)
            _ = try await CaseTeam.command(app, high, by: team.coordinator, "skip_in_queue", ["reason": "Leverantören är inte redo förrän i mars."])
            view = try await Self.queue(app, as: team.coordinator).json
            #expect(view["offered"] == middle["id"])
            #expect(view["waiting"].elements[0]["skipReason"] == "Leverantören är inte redo förrän i mars.")
            let started = try await CaseTeam.command(
                app, try await app.api(.GET, "/api/v1/cases/\(middle["id"].stringValue!)", as: team.coordinator).json,
                by: team.coordinator, "start")
            #expect(started.json["status"] == "in_progress")

            // The capacity shrinks to the one running case: starting another needs a reason, and the reason is audited.
            let platform = try #require(try await PlatformStore.platform("BFR", on: app.store))
            _ = try await QueueWorkflow.setCapacity(
                "1", of: "BFR", expectedVersion: platform.version, by: try await Self.principal(app, team.coordinator),
                in: app.store, clock: app.config.clock)
            let lowNow = try await app.api(.GET, "/api/v1/cases/\(low["id"].stringValue!)", as: team.coordinator).json
            let full = try await CaseTeam.command(app, lowNow, by: team.coordinator, "start", expect: .conflict)
            #expect(full.text.contains("All 1 places are taken") || full.text.contains("Alla 1 platser är upptagna"))
            _ = try await CaseTeam.command(app, lowNow, by: team.coordinator, "start", ["reason": "Lagkrav från 1 april."])
            let events = try await AuditLog.events(about: CaseRecord.subject(UUID(uuidString: low["id"].stringValue!)!), on: app.store)
            let start = try #require(events.last { $0.action == "case.start" })
            #expect(start.payload.contains("Lagkrav från 1 april.") && start.payload.contains("queueOverride"))
            let capacityEvents = try await AuditLog.events(about: "platform:BFR", on: app.store)
            #expect(capacityEvents.last?.action == "platform.capacity.change")
        }
    }

    @Test("withdrawal frees a place; a case on hold keeps it on TakeCare and frees it on BFR, as their matrices say")
    func places() async throws {
        try await withTestApp { app in
            for (platform, keeps) in [("TAKECARE", true), ("BFR", false)] {
                let team = try await CaseTeam.make(app, platform: platform)
                let running = try await CaseTeam.command(app, try await Self.queued(app, team, [4, 2, 2, 2]), by: team.coordinator, "start").json
                #expect(try await Self.queue(app, as: team.coordinator, platform).json["running"].elements.count == 1)
                let held = try await CaseTeam.command(app, running, by: team.coordinator, "put_on_hold", ["reason": "Väntar på leverantören"]).json
                #expect(try await Self.queue(app, as: team.coordinator, platform).json["running"].elements.count == (keeps ? 1 : 0))
                let resumed = try await CaseTeam.command(app, held, by: team.coordinator, "resume").json
                #expect(try await Self.queue(app, as: team.coordinator, platform).json["running"].elements.count == 1)
                _ = try await CaseTeam.command(app, resumed, by: team.applicant, "withdraw")
                let after = try await Self.queue(app, as: team.coordinator, platform).json
                #expect(after["running"].elements.isEmpty && after["freePlaces"] == 3)
            }
        }
    }

    @Test("re-assessment keeps the history, needs a reason, and an assessment based on a stale one is a conflict")
    func reassessment() async throws {
        try await withTestApp { app in
            let team = try await CaseTeam.make(app, platform: "TAKECARE")
            let submitted = try await team.newCase(app)
            let id = submitted["id"].stringValue!
            let scores: CanonicalJSON = ["lagkrav": 0, "patientsakerhet": 2, "verksamhetsnytta": 2, "informationssakerhet": 1]
            let rationales: CanonicalJSON = [
                "lagkrav": "Inget lagkrav.", "patientsakerhet": "Färre avskrifter.", "verksamhetsnytta": "Sparar tid.",
                "informationssakerhet": "Mindre papper.",
            ]
            func assess(_ body: CanonicalJSON, by user: TestUser) async throws -> APIResponse {
                try await app.api(.POST, "/api/v1/cases/\(id)/assessments", as: user, json: body)
            }
            #expect(try await assess(["scores": scores, "rationales": rationales, "basedOn": 0], by: team.applicant).status == .forbidden)
            let bad = try await assess(["scores": ["lagkrav": 2], "rationales": [:], "basedOn": 0], by: team.coordinator)
            #expect(bad.status == .unprocessableEntity)
            let fields = Set(bad.json["errors"].elements.compactMap { $0["field"].stringValue })
            #expect(fields.isSuperset(of: ["scores/lagkrav", "scores/patientsakerhet", "rationales/lagkrav"]), "\(fields)")

            let first = try await assess(["scores": scores, "rationales": rationales, "basedOn": 0], by: team.coordinator)
            #expect(first.status == .created, "\(first.text)")
            #expect(first.json["sequence"] == 1)
            let stale = try await assess(["scores": scores, "rationales": rationales, "basedOn": 0], by: team.coordinator)
            #expect(stale.status == .conflict && stale.json["code"] == "assessment-conflict")
            let noReason = try await assess(["scores": scores, "rationales": rationales, "basedOn": 1], by: team.coordinator)
            #expect(noReason.status == .unprocessableEntity && noReason.text.contains("\"reason\""))
            let second = try await assess(
                ["scores": ["lagkrav": 4, "patientsakerhet": 2, "verksamhetsnytta": 2, "informationssakerhet": 1],
                 "rationales": rationales, "reason": "Lagkrav visade sig gälla.", "basedOn": 1], by: team.coordinator)
            #expect(second.status == .created)
            #expect(second.json["total"].intValue == (first.json["total"].intValue ?? 0) + 4)

            let history = try await app.api(.GET, "/api/v1/cases/\(id)/assessments", as: team.coordinator).json.elements
            #expect(history.map { $0["sequence"].intValue } == [1, 2])
            #expect(history[1]["reason"] == "Lagkrav visade sig gälla." && history[1]["assessedBy"].stringValue != nil)
            // The applicant sees how their case was scored and why, not the team's notes or who assessed.
            let own = try await app.api(.GET, "/api/v1/cases/\(id)/assessments", as: team.applicant).json.elements
            #expect(own.count == 2 && own[1]["assessedBy"] == .null && own[1]["notes"] == .null)
            let trail = try await AuditLog.events(about: CaseRecord.subject(UUID(uuidString: id)!), on: app.store)
            #expect(trail.filter { $0.action == "case.assess" }.count == 2)
        }
    }

    @Test("an applicant sees their own cases' places and the rule, and nothing of another organisation")
    func applicantView() async throws {
        try await withTestApp { app in
            let team = try await CaseTeam.make(app, platform: "BFR")
            let other = try await Fixtures.user(app, "b@org-b.example", role: .applicant, organisation: "2321000131")
            let mine = try await Self.queued(app, team, [0, 1, 1, 1])
            let theirs = try await app.api(
                .POST, "/api/v1/cases", as: other,
                json: ["platform": "BFR", "fields": try CaseTeam.completeFieldsJSON("BFR")] as CanonicalJSON).json
            let submittedTheirs = try await CaseTeam.command(app, theirs, by: other, "submit").json
            _ = try await CaseTeam.assess(
                app, submittedTheirs, by: team.coordinator,
                scores: ["lagkrav": 4, "patientsakerhet": 4, "verksamhetsnytta": 4, "informationssakerhet": 4])

            let view = try await Self.queue(app, as: team.applicant)
            #expect(view.json["scope"] == "applicant")
            let own = view.json["yourCases"].elements
            #expect(own.count == 1 && own[0]["caseID"] == mine["id"])
            #expect(own[0]["standing"]["position"] == 2 && own[0]["standing"]["ahead"] == 1 && own[0]["standing"]["waiting"] == 2)
            #expect(view.json["rule"].stringValue?.isEmpty == false)
            for secret in [theirs["number"].stringValue!, theirs["id"].stringValue!, "Org 2321000131", "\"total\":20"] {
                #expect(!view.text.contains(secret), "\(secret) leaks into the applicant's queue")
            }
            let client = PageClient(app)
            _ = try await client.signIn(team.applicant.email)
            let page = try await client.get("/platforms/bfr/queue")
            #expect(page.status == .ok)
            #expect(page.body.contains(mine["number"].stringValue!) && !page.body.contains(theirs["number"].stringValue!))
            #expect(!page.body.contains("Org 2321000131"))
            let nobody = try await Fixtures.user(app, "c@org-c.example", role: .applicant, organisation: "5566778899")
            let empty = try await Self.queue(app, as: nobody)
            #expect(empty.status == .ok && empty.json["yourCases"].elements.isEmpty)
            #expect(try await Self.queue(app, as: nobody, "NOSUCH").status == .notFound)
        }
    }

    @Test("the kept queue follows every change: a re-assessment moves its case, any other audited change is read again")
    func keptQueue() async throws {
        try await withTestApp { app in
            let team = try await CaseTeam.make(app, platform: "BFR")
            let low = try await Self.queued(app, team, [0, 1, 1, 1])
            let high = try await Self.queued(app, team, [4, 4, 3, 3])
            func order() async throws -> [String?] {
                try await Self.queue(app, as: team.coordinator).json["waiting"].elements.map { $0["caseID"].stringValue }
            }
            #expect(try await order() == [high["id"].stringValue, low["id"].stringValue])
            // Through the API: the kept queue moves the case without reading the queue again.
            _ = try await CaseTeam.assess(
                app, low, by: team.coordinator,
                scores: ["lagkrav": 4, "patientsakerhet": 4, "verksamhetsnytta": 4, "informationssakerhet": 4])
            #expect(try await order() == [low["id"].stringValue, high["id"].stringValue])
            // Another instance sharing the database (no cache of this app's): the audit head moved, so it is read again.
            _ = try await AssessmentWorkflow.assess(
                AssessmentInput(
                    scores: ["lagkrav": 0, "patientsakerhet": 0, "verksamhetsnytta": 0, "informationssakerhet": 0],
                    rationales: ["lagkrav": "x", "patientsakerhet": "x", "verksamhetsnytta": "x", "informationssakerhet": "x"],
                    employees: 5, reason: "Omprövad."),
                of: UUID(uuidString: low["id"].stringValue!)!, basedOn: nil, by: try await Self.principal(app, team.coordinator),
                in: app.store, clock: app.config.clock)
            #expect(try await order() == [high["id"].stringValue, low["id"].stringValue])
            let current = try await app.api(.GET, "/api/v1/cases/\(high["id"].stringValue!)", as: team.coordinator).json
            _ = try await CaseTeam.command(app, current, by: team.coordinator, "put_on_hold", ["reason": "Paus"])
            #expect(try await order() == [low["id"].stringValue])
        }
    }
}
