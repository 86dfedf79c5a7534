import Domain
import Foundation
import TestSupport
import Testing
import Vapor

@Suite("One JSON style: every key camelCase")
struct CamelCaseTests {
    static func isCamelCase(_ key: String) -> Bool {
        guard let first = key.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return key.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
    }

    /// Every key of `json` that is not camelCase, with its path; the values of `fields` (an order's answers,
    /// keyed by field id) and `payload` (an audit event's details) are data, not schema, and are not walked.
    static func offenders(_ json: CanonicalJSON, path: String = "") -> [String] {
        switch json {
        case .object(let members):
            members.flatMap { key, value -> [String] in
                let here = path + "/" + key
                let own = isCamelCase(key) || key.hasPrefix("$") ? [] : [here]
                return own + (["fields", "payload"].contains(key) ? [] : offenders(value, path: here))
            }
        case .array(let values): values.enumerated().flatMap { offenders($1, path: path + "/\($0)") }
        default: []
        }
    }

    @Test("every documented answer of a case walked through its process, and the document itself")
    func answers() async throws {
        try await withTestApp { app in
            let team = try await CaseTeam.make(app, platform: "BFR")
            var current = try await team.newCase(app)
            current = try await CaseTeam.command(app, current, by: team.coordinator, "begin_triage").json
            current = try await team.workCurrentPhase(app, current)
            let id = current["id"].stringValue!
            _ = try await app.api(.POST, "/api/v1/cases/\(id)/threads", as: team.coordinator,
                                  json: ["kind": "question", "text": "Hur?"] as CanonicalJSON)
            var answers: [(String, CanonicalJSON)] = [("command", current)]
            for path in ["/api/v1/platforms", "/api/v1/platforms/BFR/process", "/api/v1/cases", "/api/v1/cases/\(id)",
                         "/api/v1/cases/\(id)/events", "/api/v1/cases/\(id)/threads", "/api/v1/cases/\(id)/documents",
                         "/api/v1/cases/\(UUID())"] {
                let answer = try await app.api(.GET, path, as: team.coordinator)
                answers.append((path, answer.json))
            }
            let stale = try await app.api(
                .POST, "/api/v1/cases/\(id)/commands", as: team.coordinator,
                json: ["command": "start", "version": 0] as CanonicalJSON)
            answers.append(("conflict", stale.json))
            for (path, json) in answers {
                #expect(json != .null, "\(path)")
                #expect(Self.offenders(json).isEmpty, "\(path): \(Self.offenders(json))")
            }
            let document = try await app.api(.GET, "/api/openapi.json").json
            // Schema names are PascalCase by convention; the properties they describe must be camelCase.
            let properties = Self.offenders(document["components"]["schemas"]).filter { $0.contains("/properties/") }
            #expect(properties.isEmpty, "\(properties)")
        }
    }
}
