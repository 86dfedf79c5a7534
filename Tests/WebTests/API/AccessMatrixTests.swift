import Domain
import Foundation
import TestSupport
import Testing
import Vapor
@testable import Web

/// Every API route × every role, against two cases of organisation A on BFR: a draft (the organisation's own
/// until submitted) and a submitted case (which BFR's staff see).
@Suite("API access matrix")
struct AccessMatrixTests {
    enum Who: String, CaseIterable {
        case anonymous, applicantA, applicantB, coordinatorBFR, coordinatorTakeCare, securityReviewerBFR,
            technicianBFR, decisionMakerBFR, admin
    }

    /// What each caller gets from each request. 404 for a case that is not theirs, never 403: ids leak nothing.
    static func expected(_ request: String, _ who: Who) -> HTTPStatus {
        if who == .anonymous { return ["issueToken", "openAPI"].contains(request) ? .ok : .unauthorized }
        let bfrStaff: Set<Who> = [.coordinatorBFR, .securityReviewerBFR, .technicianBFR, .decisionMakerBFR]
        let seesSubmitted = who == .applicantA || who == .admin || bfrStaff.contains(who)
        let seesDraft = who == .applicantA || who == .admin
        switch request {
        case "issueToken", "openAPI", "listPlatforms", "showPlatformProcess", "listCases": return .ok
        case "createCase": return [.applicantA, .applicantB].contains(who) ? .created : .forbidden
        case "showDraft": return seesDraft ? .ok : .notFound
        // Editing the order is the applicant's own; an admin sees the draft but may not edit it.
        case "editCase": return !seesDraft ? .notFound : (who == .applicantA ? .ok : .forbidden)
        case "showCase", "listEvents", "listThreads", "replyToThread", "closeThread": return seesSubmitted ? .ok : .notFound
        case "openThread": return seesSubmitted ? .created : .notFound
        case "listDocuments", "downloadDocument", "listAccounts", "listTestSessions": return seesSubmitted ? .ok : .notFound
        // Accounts are the technicians'; a submitted case is in no verification phase, and the account is unknown.
        case "registerAccount": return who == .technicianBFR ? .conflict : .forbidden
        case "changeAccount": return who == .technicianBFR ? .notFound : .forbidden
        // Closing is the technicians' and coordinators'; the session is unknown. Its protocol: unknown to all.
        case "closeTestSession":
            return !seesSubmitted ? .notFound : ([.technicianBFR, .coordinatorBFR].contains(who) ? .notFound : .forbidden)
        case "showTestProtocol": return .notFound
        // Uploading is the applicant's and the platform team's; an admin sees the documents but adds none.
        case "uploadDocument": return !seesSubmitted ? .notFound : (who == .admin ? .forbidden : .created)
        // Putting a case on hold is the coordinator's.
        case "runCommand": return !seesSubmitted ? .notFound : (who == .coordinatorBFR ? .ok : .forbidden)
        // Every signed-in user sees a queue, scoped to what they may see; assessments with the case.
        case "showQueue": return .ok
        case "listAssessments": return seesSubmitted ? .ok : .notFound
        // Assessing is a coordinator's of the case's platform; the other platform's coordinator does not see it.
        case "createAssessment":
            return who == .coordinatorBFR ? .created : (who == .coordinatorTakeCare ? .notFound : .forbidden)
        default: Issue.record("no expectation for \(request)"); return .imATeapot
        }
    }

    @Test("each route answers each role as the rules say", arguments: Who.allCases)
    func matrix(who: Who) async throws {
        try await withTestApp { app in
            let applicantA = try await Fixtures.user(app, "a@org-a.example", role: .applicant, organisation: "5565594230")
            let users: [Who: TestUser] = [
                .applicantA: applicantA,
                .applicantB: try await Fixtures.user(app, "b@org-b.example", role: .applicant, organisation: "2321000131"),
                .coordinatorBFR: try await Fixtures.user(app, "c@bfr.example", role: .coordinator, platform: "BFR"),
                .coordinatorTakeCare: try await Fixtures.user(app, "c@tc.example", role: .coordinator, platform: "TAKECARE"),
                .securityReviewerBFR: try await Fixtures.user(app, "s@bfr.example", role: .securityReviewer, platform: "BFR"),
                .technicianBFR: try await Fixtures.user(app, "t@bfr.example", role: .technician, platform: "BFR"),
                .decisionMakerBFR: try await Fixtures.user(app, "d@bfr.example", role: .decisionMaker, platform: "BFR"),
                .admin: try await Fixtures.user(app, "admin@region.example", role: .admin),
            ]
            let fields = try CaseTeam.completeFieldsJSON("BFR")
            let draft = try await app.api(
                .POST, "/api/v1/cases", as: applicantA, json: ["platform": "BFR", "fields": fields] as CanonicalJSON).json
            var submitted = try await app.api(
                .POST, "/api/v1/cases", as: applicantA, json: ["platform": "BFR", "fields": fields] as CanonicalJSON).json
            submitted = try await CaseTeam.command(app, submitted, by: applicantA, "submit").json
            let (d, s) = (draft["id"].stringValue!, submitted["id"].stringValue!)
            let thread = try await app.api(
                .POST, "/api/v1/cases/\(s)/threads", as: applicantA,
                json: ["kind": "question", "text": "Vilket format?"] as CanonicalJSON
            ).json["id"].stringValue!
            let document = try await app.uploadDocument(
                s, kind: "agreement", name: "avtal.pdf", data: Array("%PDF-1.4\n".utf8), as: applicantA
            ).json["id"].stringValue!
            let requests: [(String, APIRoute, HTTPMethod, String, CanonicalJSON?)] = [
                ("issueToken", .issueToken, .POST, "/api/v1/auth/token",
                 ["email": "a@org-a.example", "password": .string(TestUsers.password)]),
                ("openAPI", .openAPI, .GET, "/api/openapi.json", nil),
                ("listPlatforms", .listPlatforms, .GET, "/api/v1/platforms", nil),
                ("showPlatformProcess", .showPlatformProcess, .GET, "/api/v1/platforms/BFR/process", nil),
                ("listCases", .listCases, .GET, "/api/v1/cases", nil),
                ("createCase", .createCase, .POST, "/api/v1/cases", ["platform": "BFR"]),
                ("showDraft", .showCase, .GET, "/api/v1/cases/\(d)", nil),
                ("editCase", .editCase, .PATCH, "/api/v1/cases/\(d)", ["fields": fields, "version": draft["version"]]),
                ("showCase", .showCase, .GET, "/api/v1/cases/\(s)", nil),
                ("listEvents", .listEvents, .GET, "/api/v1/cases/\(s)/events", nil),
                ("listThreads", .listThreads, .GET, "/api/v1/cases/\(s)/threads", nil),
                ("openThread", .openThread, .POST, "/api/v1/cases/\(s)/threads", ["kind": "comment", "text": "Noterat"]),
                ("replyToThread", .replyToThread, .POST, "/api/v1/cases/\(s)/threads/\(thread)/messages", ["text": "DICOM"]),
                ("closeThread", .closeThread, .POST, "/api/v1/cases/\(s)/threads/\(thread)/close", nil),
                ("listDocuments", .listDocuments, .GET, "/api/v1/cases/\(s)/documents", nil),
                ("downloadDocument", .downloadDocument, .GET, "/api/v1/cases/\(s)/documents/\(document)", nil),
                ("listAccounts", .listAccounts, .GET, "/api/v1/cases/\(s)/accounts", nil),
                ("listTestSessions", .listTestSessions, .GET, "/api/v1/cases/\(s)/test-sessions", nil),
                ("registerAccount", .registerAccount, .POST, "/api/v1/cases/\(s)/accounts",
                 ["hl7SendingApplication": "RIS", "hl7SendingFacility": "SU"]),
                ("closeTestSession", .closeTestSession, .POST, "/api/v1/cases/\(s)/test-sessions/\(UUID())/close", nil),
                ("showTestProtocol", .showTestProtocol, .GET, "/api/v1/cases/\(s)/test-sessions/\(UUID())/protocol", nil),
                ("changeAccount", .changeAccount, .PATCH, "/api/v1/cases/\(s)/accounts/\(UUID())", ["status": "paused", "version": 1]),
                ("showQueue", .showQueue, .GET, "/api/v1/platforms/BFR/queue", nil),
                ("listAssessments", .listAssessments, .GET, "/api/v1/cases/\(s)/assessments", nil),
                ("createAssessment", .createAssessment, .POST, "/api/v1/cases/\(s)/assessments",
                 ["scores": ["lagkrav": 0, "patientsakerhet": 2, "verksamhetsnytta": 2, "informationssakerhet": 1],
                  "rationales": ["lagkrav": "Inget lagkrav.", "patientsakerhet": "Färre avskrifter.",
                                 "verksamhetsnytta": "Sparar tid.", "informationssakerhet": "Mindre papper."],
                  "basedOn": 0]),
                ("runCommand", .runCommand, .POST, "/api/v1/cases/\(s)/commands",
                 ["command": "put_on_hold", "reason": "Väntar på avtal", "version": submitted["version"]]),
            ]
            // Uploads are multipart, not JSON.
            let uploads: [(String, APIRoute)] = [("uploadDocument", .uploadDocument)]
            #expect(Set(requests.map(\.1) + uploads.map(\.1)) == Set(APIRoute.allCases), "the matrix covers every route")
            for (name, _, method, path, body) in requests {
                let response = try await app.api(method, path, as: users[who], json: body)
                #expect(response.status == Self.expected(name, who), "\(who) \(name): \(response.text)")
            }
            for (name, _) in uploads {
                let response = try await app.uploadDocument(
                    s, kind: "other", name: "notering.txt", data: Array("Noterat".utf8), as: users[who])
                #expect(response.status == Self.expected(name, who), "\(who) \(name): \(response.text)")
            }
            let listed = try await app.api(.GET, "/api/v1/cases", as: users[who]).json["items"].elements
                .compactMap { $0["id"].stringValue }
            if who != .anonymous {
                #expect(listed.contains(d) == (Self.expected("showDraft", who) == .ok), "\(who) lists the draft")
                #expect(listed.contains(s) == (Self.expected("showCase", who) == .ok), "\(who) lists the submitted case")
            }
        }
    }

    @Test("another organisation's case is not there at all: not by id, not in lists, not through its events")
    func otherOrganisation() async throws {
        try await withTestApp { app in
            let a = try await Fixtures.user(app, "a@org-a.example", role: .applicant, organisation: "5565594230")
            let b = try await Fixtures.user(app, "b@org-b.example", role: .applicant, organisation: "2321000131")
            let caseA = try await app.api(.POST, "/api/v1/cases", as: a, json: ["platform": "BFR"] as CanonicalJSON).json
            let id = caseA["id"].stringValue!
            for path in ["/api/v1/cases/\(id)", "/api/v1/cases/\(id)/events"] {
                let response = try await app.api(.GET, path, as: b)
                #expect(response.status == .notFound)
                let unknown = try await app.api(.GET, "/api/v1/cases/\(UUID())", as: b)
                #expect(response.text == unknown.text, "a foreign case and a missing one answer alike")
            }
            #expect(try await app.api(.GET, "/api/v1/cases", as: b).json["items"].elements.isEmpty)
            #expect(try await app.api(.GET, "/api/v1/cases", as: a).json["items"].elements.count == 1)
        }
    }
}

