import Domain
import Foundation
import TestSupport
import Testing
import Vapor
@testable import Web

/// Every API route × every role, against one BFR draft of organisation A.
@Suite("API access matrix")
struct AccessMatrixTests {
    enum Who: String, CaseIterable {
        case anonymous, applicantA, applicantB, coordinatorBFR, coordinatorTakeCare, securityReviewerBFR,
            technicianBFR, decisionMakerBFR, admin
    }

    /// What each caller gets from each route. 404 for a case that is not theirs, never 403: ids leak nothing.
    static func expected(_ route: String, _ who: Who) -> HTTPStatus {
        if who == .anonymous { return ["issueToken", "openAPI"].contains(route) ? .ok : .unauthorized }
        let seesCase: Bool = switch who {
        case .applicantA, .coordinatorBFR, .securityReviewerBFR, .technicianBFR, .decisionMakerBFR, .admin: true
        default: false
        }
        switch route {
        case "issueToken", "openAPI", "listPlatforms", "showPlatformProcess", "listCases": return .ok
        case "createCase": return [.applicantA, .applicantB].contains(who) ? .created : .forbidden
        case "showCase", "listEvents", "listThreads", "replyToThread", "closeThread": return seesCase ? .ok : .notFound
        case "openThread": return seesCase ? .created : .notFound
        // Editing the order and submitting it are the applicant's; staff who see the case are refused.
        case "editCase", "runCommand": return !seesCase ? .notFound : (who == .applicantA ? .ok : .forbidden)
        default: Issue.record("no expectation for \(route)"); return .imATeapot
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
            let draft = try await app.api(
                .POST, "/api/v1/cases", as: applicantA,
                json: ["platform": "BFR", "fields": .object(CaseTeam.completeFields.mapValues(CanonicalJSON.string))] as CanonicalJSON
            ).json
            let id = draft["id"].stringValue!
            let thread = try await app.api(
                .POST, "/api/v1/cases/\(id)/threads", as: applicantA,
                json: ["kind": "question", "text": "Vilket format?"] as CanonicalJSON
            ).json["id"].stringValue!
            let user = users[who]
            let requests: [(String, HTTPMethod, String, CanonicalJSON?)] = [
                ("issueToken", .POST, "/api/v1/auth/token", ["email": "a@org-a.example", "password": .string(Fixtures.password)]),
                ("openAPI", .GET, "/api/openapi.json", nil),
                ("listPlatforms", .GET, "/api/v1/platforms", nil),
                ("showPlatformProcess", .GET, "/api/v1/platforms/BFR/process", nil),
                ("listCases", .GET, "/api/v1/cases", nil),
                ("createCase", .POST, "/api/v1/cases", ["platform": "BFR"]),
                ("showCase", .GET, "/api/v1/cases/\(id)", nil),
                ("listEvents", .GET, "/api/v1/cases/\(id)/events", nil),
                ("editCase", .PATCH, "/api/v1/cases/\(id)",
                 ["fields": .object(CaseTeam.completeFields.mapValues(CanonicalJSON.string)), "version": draft["version"]]),
                ("listThreads", .GET, "/api/v1/cases/\(id)/threads", nil),
                ("openThread", .POST, "/api/v1/cases/\(id)/threads", ["kind": "comment", "text": "Noterat"]),
                ("replyToThread", .POST, "/api/v1/cases/\(id)/threads/\(thread)/messages", ["text": "DICOM"]),
                ("closeThread", .POST, "/api/v1/cases/\(id)/threads/\(thread)/close", nil),
                ("runCommand", .POST, "/api/v1/cases/\(id)/commands", ["command": "withdraw"]),
            ]
            #expect(Set(requests.map(\.0)) == Set(APIRoute.names), "the matrix covers every route")
            for (route, method, path, body) in requests {
                var body = body
                if route == "runCommand" {  // after an accepted edit, the command must carry the new version
                    let version = try await app.api(.GET, "/api/v1/cases/\(id)", as: applicantA).json["version"]
                    body = ["command": "withdraw", "version": version]
                }
                let response = try await app.api(method, path, as: user, json: body)
                #expect(response.status == Self.expected(route, who), "\(who) \(route): \(response.text)")
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

extension APIRoute {
    /// The routes' names as the matrix spells them.
    static var names: [String] { allCases.map { String(describing: $0) } }
}
