import Domain
import Foundation
import TestSupport
import Testing
import Vapor

@Suite("The JSON API takes strict JSON only and says so in its schema")
struct StrictAPITests {
    static func raw(
        _ app: Application, _ method: HTTPMethod, _ path: String, body: String, contentType: String?, as user: TestUser?
    ) async throws -> APIResponse {
        var headers = HTTPHeaders()
        if let contentType { headers.replaceOrAdd(name: .contentType, value: contentType) }
        if let user { headers.bearerAuthorization = BearerAuthorization(token: user.token) }
        let response = try await app.testing().sendRequest(method, path, headers: headers, body: ByteBuffer(string: body))
        return APIResponse(status: response.status, headers: response.headers, body: Data(buffer: response.body))
    }

    @Test("a form-encoded body or none is a 415; loose JSON a 400 naming the byte; strict JSON works")
    func bodies() async throws {
        try await withTestApp { app in
            let applicant = try await Fixtures.user(app, "anna@vardgivare.example", role: .applicant, organisation: "5565594230")
            let form = try await Self.raw(app, .POST, "/api/v1/cases", body: "platform=BFR", contentType: "application/x-www-form-urlencoded", as: applicant)
            #expect(form.status == .unsupportedMediaType)
            #expect(form.json["code"] == "unsupported-media-type")
            let none = try await Self.raw(app, .POST, "/api/v1/cases", body: #"{"platform":"BFR"}"#, contentType: nil, as: applicant)
            #expect(none.status == .unsupportedMediaType)
            let text = try await Self.raw(app, .POST, "/api/v1/cases", body: #"{"platform":"BFR"}"#, contentType: "text/plain", as: applicant)
            #expect(text.status == .unsupportedMediaType)
            for loose in [#"{"platform":"BFR",}"#, #"{"platform":"BFR" /* x */}"#, #"{"platform":"BFR","platform":"TAKECARE"}"#, ""] {
                let answer = try await Self.raw(app, .POST, "/api/v1/cases", body: loose, contentType: "application/json", as: applicant)
                #expect(answer.status == .badRequest, "\(loose)")
                #expect(answer.json["code"] == "malformed-json")
                #expect(answer.json["detail"].stringValue?.contains("byte") == true)
            }
            let strict = try await Self.raw(
                app, .POST, "/api/v1/cases", body: #"{"platform":"BFR"}"#, contentType: "application/json; charset=utf-8", as: applicant)
            #expect(strict.status == .created)
            // No case was made by the refused bodies.
            let list = try await app.api(.GET, "/api/v1/cases", as: applicant)
            #expect(list.json["items"].elements.count == 1)
        }
    }

    @Test("every API answer, success or problem, is nosniff and no-store")
    func headers() async throws {
        try await withTestApp { app in
            let applicant = try await Fixtures.user(app, "anna@vardgivare.example", role: .applicant, organisation: "5565594230")
            for answer in [
                try await app.api(.GET, "/api/v1/cases", as: applicant),
                try await app.api(.GET, "/api/v1/cases"),
                try await app.api(.GET, "/api/v1/cases/\(UUID())", as: applicant),
                try await app.api(.GET, "/api/openapi.json"),
            ] {
                #expect(answer.headers.first(name: "X-Content-Type-Options") == "nosniff")
                #expect(answer.headers.first(name: .cacheControl) == "no-store")
            }
        }
    }

    @Test("a method the path does not have is a 405 with Allow; an unknown path stays a 404")
    func methodNotAllowed() async throws {
        try await withTestApp { app in
            let applicant = try await Fixtures.user(app, "anna@vardgivare.example", role: .applicant, organisation: "5565594230")
            let delete = try await app.api(.DELETE, "/api/v1/cases", as: applicant)
            #expect(delete.status == .methodNotAllowed)
            #expect(Set(delete.headers.first(name: .allow)?.components(separatedBy: ", ") ?? []) == ["GET", "POST"])
            let put = try await app.api(.PUT, "/api/v1/cases/\(UUID())")
            #expect(put.status == .methodNotAllowed)
            #expect(put.headers.first(name: .allow) == "GET, PATCH")
            #expect(try await app.api(.GET, "/api/v1/nothing", as: applicant).status == .notFound)
        }
    }

    @Test("limits of numbers are in the schema and kept by the server")
    func numberLimits() async throws {
        try await withTestApp { app in
            let applicant = try await Fixtures.user(app, "anna@vardgivare.example", role: .applicant, organisation: "5565594230")
            let huge = try await app.api(.GET, "/api/v1/cases?offset=1000000000000000000000000", as: applicant)
            #expect(huge.status == .unprocessableEntity)
            #expect(try await app.api(.GET, "/api/v1/cases?offset=1000000", as: applicant).status == .ok)
            #expect(try await app.api(.GET, "/api/v1/cases?offset=1000001", as: applicant).status == .unprocessableEntity)
            let document = try await app.api(.GET, "/api/openapi.json").json
            let offset = document["paths"]["/api/v1/cases"]["get"]["parameters"].elements.first { $0["name"] == "offset" }
            #expect(offset?["schema"]["maximum"] == .int(1_000_000))
        }
    }

    @Test("the schema lists the statuses each route answers and minLength on required text")
    func documentedStatuses() async throws {
        try await withTestApp { app in
            let paths = try await app.api(.GET, "/api/openapi.json").json["paths"]
            func statuses(_ path: String, _ method: String) -> Set<String> {
                if case .object(let responses) = paths[path][method]["responses"] { return Set(responses.keys) }
                return []
            }
            #expect(statuses("/api/v1/auth/token", "post").isSuperset(of: ["200", "400", "401", "413", "415", "429"]))
            #expect(statuses("/api/v1/cases", "post").isSuperset(of: ["201", "400", "401", "403", "413", "415", "422"]))
            #expect(statuses("/api/v1/cases/{id}", "patch").isSuperset(of: ["200", "400", "401", "403", "404", "409", "413", "415", "422"]))
            #expect(statuses("/api/v1/cases/{id}/documents", "post").isSuperset(of: ["201", "401", "403", "404", "409", "413", "415", "422"]))
            let schemas = try await app.api(.GET, "/api/openapi.json").json["components"]["schemas"]
            #expect(schemas["Credentials"]["properties"]["email"]["minLength"] == .int(1))
            #expect(schemas["Reply"]["properties"]["text"]["minLength"] == .int(1))
            #expect(schemas["OpenThread"]["properties"]["text"]["minLength"] == .int(1))
        }
    }

    @Test("a control character in a message, an order answer or a reason is a 422 at its field; nothing is stored")
    func controlCharacters() async throws {
        try await withTestApp { app in
            let team = try await CaseTeam.make(app, platform: "BFR")
            let draft = try await app.api(.POST, "/api/v1/cases", as: team.applicant, json: ["platform": "BFR"] as CanonicalJSON).json
            let id = draft["id"].stringValue!
            let message = try await app.api(
                .POST, "/api/v1/cases/\(id)/threads", as: team.applicant, json: ["kind": "comment", "text": "a\u{0}b"] as CanonicalJSON)
            #expect(message.status == .unprocessableEntity)
            #expect(message.json["errors"].elements.first?["field"] == "text")
            #expect(message.json["errors"].elements.first?["code"] == "control-character")
            #expect(try await app.api(.GET, "/api/v1/cases/\(id)/threads", as: team.applicant).json.elements.isEmpty)
            let fine = try await app.api(
                .POST, "/api/v1/cases/\(id)/threads", as: team.applicant, json: ["kind": "comment", "text": "rad 1\n\trad 2"] as CanonicalJSON)
            #expect(fine.status == .created)
            #expect(fine.json["messages"].elements.first?["body"] == "rad 1\n\trad 2")

            let edit = try await app.api(
                .PATCH, "/api/v1/cases/\(id)", as: team.applicant,
                json: ["fields": ["system_name": "RIS\u{7}Väst"], "version": draft["version"]] as CanonicalJSON)
            #expect(edit.status == .unprocessableEntity)
            #expect(edit.json["errors"].elements.first?["field"] == "fields.system_name")
            let created = try await app.api(
                .POST, "/api/v1/cases", as: team.applicant,
                json: ["platform": "BFR", "fields": ["system_name": "x\u{1B}"]] as CanonicalJSON)
            #expect(created.status == .unprocessableEntity)

            let submitted = try await team.newCase(app)
            let withdraw = try await CaseTeam.command(
                app, submitted, by: team.applicant, "withdraw", ["reason": "nej\u{0}"], expect: .unprocessableEntity)
            #expect(withdraw.json["errors"].elements.first?["field"] == "reason")
        }
    }
}
