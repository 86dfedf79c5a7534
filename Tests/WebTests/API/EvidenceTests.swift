import Domain
import Foundation
import TestSupport
import Testing
import Vapor

@Suite("A tick's evidence is checked against the case's documents")
struct EvidenceTests {
    @Test("an attachment must be a document of this case; a test protocol a test protocol of it")
    func evidenceReferences() async throws {
        try await withTestApp { app in
            let team = try await CaseTeam.make(app, platform: "BFR")
            var current = try await team.newCase(app)
            current = try await CaseTeam.command(app, current, by: team.coordinator, "begin_triage").json
            current = try await team.workCurrentPhase(app, current)
            current = try await CaseTeam.command(app, current, by: team.coordinator, "start").json
            // An applicant's document item in Del 2 that asks for an attachment.
            let phase = current["phases"].elements.first { $0["isCurrent"] == .bool(true) }!
            let item = try #require(phase["sections"].elements.flatMap { $0["items"].elements }.first {
                $0["owner"] == "applicant" && $0["evidence"].elements.contains("attachment")
            })
            let other = try await team.newCase(app)
            let foreignDocument = try await CaseTeam.evidence("attachment", on: other, by: team.applicant, app)
            let protocolDocument = try await CaseTeam.evidence("test_protocol", on: current, by: team.applicant, app)
            current = try await app.api(.GET, "/api/v1/cases/\(current["id"].stringValue!)", as: team.applicant).json
            for (reference, code) in [("demo", "unknown-document"), (foreignDocument, "unknown-document"),
                                      (protocolDocument, "wrong-document-kind")] {
                let refused = try await CaseTeam.command(
                    app, current, by: team.applicant, "tick",
                    ["item": item["id"], "evidence": [["kind": "attachment", "reference": .string(reference)]]],
                    expect: .unprocessableEntity)
                #expect(refused.json["errors"].elements.first?["field"] == "evidence/0/reference")
                #expect(refused.json["errors"].elements.first?["code"] == .string(code))
            }
            let own = try await CaseTeam.evidence("attachment", on: current, by: team.applicant, app)
            current = try await app.api(.GET, "/api/v1/cases/\(current["id"].stringValue!)", as: team.applicant).json
            try await CaseTeam.command(
                app, current, by: team.applicant, "tick",
                ["item": item["id"], "evidence": [["kind": "attachment", "reference": .string(own)]]])
        }
    }
}
