import Domain
import Foundation
import TestSupport
import Testing
import Vapor
import Persistence

/// The people of one platform's process, and a driver that works a case through its phases over the API.
struct CaseTeam {
    let platform: String
    let applicant: TestUser
    let coordinator: TestUser
    let decisionMaker: TestUser
    let securityReviewer: TestUser
    let technician: TestUser

    static let organisation = "5565594230"

    static func make(_ app: Application, platform: String) async throws -> CaseTeam {
        let domain = platform.lowercased()
        return CaseTeam(
            platform: platform,
            applicant: try await Fixtures.user(app, "sokande@\(domain).example", role: .applicant, organisation: organisation),
            coordinator: try await Fixtures.user(app, "samordnare@\(domain).example", role: .coordinator, platform: platform),
            decisionMaker: try await Fixtures.user(app, "beslut@\(domain).example", role: .decisionMaker, platform: platform),
            securityReviewer: try await Fixtures.user(
                app, "sakerhet@\(domain).example", role: .securityReviewer, platform: platform),
            technician: try await Fixtures.user(app, "tekniker@\(domain).example", role: .technician, platform: platform))
    }

    func user(for role: String) -> TestUser {
        switch role {
        case "decision_maker": decisionMaker
        case "security_reviewer": securityReviewer
        case "technician": technician
        case "applicant": applicant
        default: coordinator
        }
    }

    /// A case of this team's platform with every field of the order filled in, created by the applicant
    /// and, unless `submit` is false, submitted.
    func newCase(_ app: Application, submit: Bool = true) async throws -> CanonicalJSON {
        let created = try await app.api(
            .POST, "/api/v1/cases", as: applicant,
            json: ["platform": .string(platform), "fields": try Self.completeFieldsJSON(platform)] as CanonicalJSON)
        #expect(created.status == .created, "\(created.text)")
        guard submit else { return created.json }
        return try await Self.command(app, created.json, by: applicant, "submit").json
    }

    /// Every field of the platform's order answered, passing every submission rule.
    static func completeFieldsJSON(_ platform: String) throws -> CanonicalJSON {
        .object(try OrderAnswers.complete(platform: platform).mapValues(CanonicalJSON.string))
    }

    /// The reference a tick gives for evidence of `kind`: a comment's text, or the id of a document uploaded
    /// to the case for it (a test protocol where one is asked for).
    static func evidence(_ kind: String, on caseJSON: CanonicalJSON, by user: TestUser, _ app: Application) async throws -> String {
        guard kind != "comment" else { return "Kontrollerat vid genomgång." }
        if kind == "assessment" {
            // The case's newest assessment when it has one; else one made now.
            let id = caseJSON["id"].stringValue!
            let made = try await app.api(.GET, "/api/v1/cases/\(id)/assessments", as: user).json.elements.last
            if let made = made?["id"].stringValue { return made }
            return try await assess(app, caseJSON, by: user)
        }
        let documentKind = kind == "test_protocol" ? "test_protocol" : "other"
        let uploaded = try await app.uploadDocument(
            caseJSON["id"].stringValue!, kind: documentKind, name: "\(documentKind).pdf", data: Array("%PDF-1.4\n%%EOF\n".utf8), as: user)
        #expect(uploaded.status == .created, "\(uploaded.text)")
        return uploaded.json["id"].stringValue ?? ""
    }

    /// Has `coordinator` assess the case with `scores` (every criterion's lowest allowed score when nil) and returns
    /// the assessment's id.
    static func assess(
        _ app: Application, _ caseJSON: CanonicalJSON, by coordinator: TestUser, scores: [String: Int]? = nil
    ) async throws -> String {
        let id = caseJSON["id"].stringValue!
        let platform = caseJSON["platform"].stringValue!
        let existing = try await app.api(.GET, "/api/v1/cases/\(id)/assessments", as: coordinator).json.elements
        let matrix = try await MatrixStore.current(platform: platform, on: app.store)!
        let chosen = scores ?? Dictionary(uniqueKeysWithValues: matrix.criteria.map { ($0.id, $0.values[0]) })
        let response = try await app.api(
            .POST, "/api/v1/cases/\(id)/assessments", as: coordinator,
            json: [
                "scores": .object(chosen.mapValues { .int(Int64($0)) }),
                "rationales": .object(chosen.mapValues { _ in "Enligt beskrivningen i beställningen." }),
                "reason": existing.isEmpty ? .null : "Ny bedömning efter genomgång.",
                "basedOn": .int(Int64(existing.count)),
            ] as CanonicalJSON)
        #expect(response.status == .created, "\(response.text)")
        return response.json["id"].stringValue ?? ""
    }

    /// Runs a command and expects `status`; returns the answer.
    @discardableResult
    static func command(
        _ app: Application, _ caseJSON: CanonicalJSON, by user: TestUser, _ name: String,
        _ arguments: [String: CanonicalJSON] = [:], expect status: HTTPStatus = .ok,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> APIResponse {
        var body = arguments
        body["command"] = .string(name)
        body["version"] = caseJSON["version"]
        let id = caseJSON["id"].stringValue ?? ""
        let response = try await app.api(.POST, "/api/v1/cases/\(id)/commands", as: user, json: CanonicalJSON.object(body))
        #expect(response.status == status, "\(name): \(response.text)", sourceLocation: sourceLocation)
        return response
    }

    /// Has each open item of the current phase ticked by its owner (with the evidence it asks for), the gate's
    /// role approve each decision, then completes the phase. Returns the case afterwards.
    func workCurrentPhase(_ app: Application, _ caseJSON: CanonicalJSON) async throws -> CanonicalJSON {
        var current = caseJSON
        let phase = current["phases"].elements.first { $0["isCurrent"] == .bool(true) }!
        let items = phase["sections"].elements.flatMap { $0["items"].elements }
        for item in items where item["kind"] != "decision" && item["state"]["status"] == "open" {
            let owner = user(for: item["owner"].stringValue ?? "coordinator")
            var evidence: [CanonicalJSON] = []
            for kind in item["evidence"].elements {
                evidence.append(["kind": kind, "reference": .string(try await Self.evidence(kind.stringValue!, on: current, by: owner, app))])
            }
            current = try await Self.command(
                app, current, by: owner, "tick",
                ["item": item["id"], "evidence": .array(evidence)]
            ).json
        }
        let decider = user(for: phase["gate"]["decisionRole"].stringValue ?? "decision_maker")
        for item in items where item["kind"] == "decision" && item["state"]["status"] == "open" {
            current = try await Self.command(
                app, current, by: decider, "decide", ["item": item["id"], "outcome": "approve"]).json
        }
        return try await Self.command(app, current, by: coordinator, "complete_phase", ["phase": phase["id"]]).json
    }
}
