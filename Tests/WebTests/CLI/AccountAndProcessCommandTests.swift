import Domain
import Foundation
import Persistence
import ProcessFiles
import TestSupport
import Testing
import Workflow
import Vapor

@Suite("anslut user, process and id commands, on the real executable")
struct AccountAndProcessCommandTests {
    @Test("user create reads the password from standard input; user token prints a working token alone")
    func userCreateAndToken() async throws {
        try await withTestApp { app in
            let environment = ["ANSLUT_DATA_DIR": app.config.dataDirectory, "DATABASE_URL": app.config.databaseURL,
                               "ANSLUT_PROCESSES_DIR": processesFolder]
            let created = try await AnslutExecutable.run(
                ["user", "create", "--email", "Projekt@Vardgivare.example", "--role", "applicant",
                 "--organisation", "556559-4230", "--organisation-name", "Inera AB"],
                environment: environment, stdin: "ett långt lösenord\n")
            #expect(created.status == 0, "\(created.stderr)")
            #expect(created.stdout.contains("Created applicant projekt@vardgivare.example"))

            let token = try await AnslutExecutable.run(["user", "token", "--email", "projekt@vardgivare.example"], environment: environment)
            #expect(token.status == 0, "\(token.stderr)")
            let lines = token.stdout.split(separator: "\n")
            #expect(lines.count == 1)
            let me = try await app.api(.GET, "/api/v1/cases", headers: ["Authorization": "Bearer \(lines.first ?? "")"])
            #expect(me.status == .ok)

            let login = try await app.api(
                .POST, "/api/v1/auth/token",
                json: ["email": "projekt@vardgivare.example", "password": "ett långt lösenord"] as CanonicalJSON)
            #expect(login.status == .ok)
        }
    }

    @Test("user create names every broken rule and changes nothing")
    func userCreateRefusals() async throws {
        try await withTestApp { app in
            let environment = ["ANSLUT_DATA_DIR": app.config.dataDirectory, "DATABASE_URL": app.config.databaseURL]
            let bad = try await AnslutExecutable.run(
                ["user", "create", "--email", "inte-en-adress", "--role", "coordinator", "--organisation", "1234567891"],
                environment: environment, stdin: "ett långt lösenord\n")
            #expect(bad.status == 2)
            for field in ["email:", "platform:", "organisation:"] { #expect(bad.stderr.contains(field), "\(bad.stderr)") }
            let short = try await AnslutExecutable.run(
                ["user", "create", "--email", "a@b.example", "--role", "admin"], environment: environment, stdin: "kort\n")
            #expect(short.status == 2)
            #expect(short.stderr.contains("at least 10 characters"))
            #expect(try await AccountStore.user(email: "a@b.example", on: app.store) == nil)
        }
    }

    @Test("process migrate moves a case to a new version, keeps surviving item states and lists the dropped")
    func processMigrate() async throws {
        try await withTestApp { app in
            let team = try await CaseTeam.make(app, platform: "BFR")
            var current = try await team.newCase(app)
            current = try await CaseTeam.command(app, current, by: team.coordinator, "begin_triage").json
            current = try await CaseTeam.command(app, current, by: team.coordinator, "tick", ["item": "del1.bestallning.beredd-med-sis"]).json
            current = try await CaseTeam.command(
                app, current, by: team.coordinator, "tick",
                ["item": "del1.bestallning.arende-skapat", "evidence": [["kind": "comment", "reference": "INC-1"]]]).json

            // Version 5 drops one of the two ticked items.
            let original = try String(contentsOfFile: processesFolder + "/bfr.yaml", encoding: .utf8)
            var lines = original.components(separatedBy: "\n")
            let start = lines.firstIndex { $0.contains("- id: del1.bestallning.beredd-med-sis") }!
            lines.removeSubrange(start..<(start + 5))
            let version4 = lines.joined(separator: "\n").replacingOccurrences(of: "\nversion: 4\n", with: "\nversion: 5\n")
            let definition = try ProcessDefinitionLoader.load(yaml: version4, file: "bfr-v4.yaml")
            try await DefinitionWorkflow.publish([definition], by: .commandLine(operator: nil), in: app.store, clock: app.config.clock)

            let environment = ["ANSLUT_DATA_DIR": app.config.dataDirectory, "DATABASE_URL": app.config.databaseURL,
                               "ANSLUT_PROCESSES_DIR": processesFolder]
            let number = current["number"].stringValue!
            let moved = try await AnslutExecutable.run(["process", "migrate", number, "--to", "5"], environment: environment)
            #expect(moved.status == 0, "\(moved.stderr)")
            #expect(moved.stdout.contains("Moved \(number) from bfr@4 to bfr@5"))
            #expect(moved.stdout.contains("Dropped item states: del1.bestallning.beredd-med-sis"))

            let after = try await app.api(.GET, "/api/v1/cases/\(current["id"].stringValue!)", as: team.coordinator).json
            #expect(after["definition"]["version"] == 5)
            let kept = after["phases"].elements[0]["sections"].elements[0]["items"].elements
                .first { $0["id"] == "del1.bestallning.arende-skapat" }
            #expect(kept?["state"]["status"] == "done")

            let again = try await AnslutExecutable.run(["process", "migrate", number, "--to", "9"], environment: environment)
            #expect(again.status == 1)
            #expect(again.stderr.contains("Version 9 of bfr is not published"))
        }
    }

    @Test("id prints the report and exits 0 for valid, 1 for invalid", arguments: [
        ("19121212-1212", Int32(0), "personnummer"), ("19121212-1213", Int32(1), "personnummer"),
        ("SE2321000131-E000000000001", Int32(0), "hsa-id"), ("991981000011", Int32(1), "reservnummer"),
    ])
    func identifier(value: String, status: Int32, kind: String) async throws {
        var arguments = ["id", value, "--json"]
        if value.hasPrefix("99") { arguments += ["--oid", "1.2.752.97.3.1.3"] }
        let outcome = try await AnslutExecutable.run(arguments, environment: ["DATABASE_URL": "mysql://not-needed"])
        #expect(outcome.status == status, "\(outcome.stderr)")
        let report = try JSONDecoder().decode(CanonicalJSON.self, from: Data(outcome.stdout.utf8))
        #expect(report["kind"] == .string(kind))
        #expect(report["valid"] == .bool(status == 0))
        #expect(report["input"] == .string(value))
        if status == 1 { #expect(!report["errors"].elements.isEmpty) }
        let text = try await AnslutExecutable.run(["id", value] + Array(arguments.dropFirst(3)))
        #expect(text.status == status)
        #expect(!text.stdout.isEmpty)
    }
}
