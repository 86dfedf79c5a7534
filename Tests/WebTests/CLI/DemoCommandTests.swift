import Domain
import Foundation
import TestSupport
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

@Suite("anslut demo, on the real executable")
struct DemoCommandTests {
    @Test("seeds an empty database, prints the logins and serves; a second start leaves the data alone")
    func demo() async throws {
        let folder = StartupErrorTests.scratchFolder()
        let environment: [String: String?] = ["DATABASE_URL": nil, "ANSLUT_PROCESSES_DIR": processesFolder]
        let port = try RawHTTP.freePort()
        let server = try AnslutExecutable.start(["demo", "--port", "\(port)", "--mllp-port", "0", "--dicom-port", "0"], in: folder, environment: environment)
        defer { if server.isRunning { server.terminate() } }
        _ = try await ServeCommandTests.waitForHealth(port: port)

        // The printed password signs in every demo user.
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/api/v1/auth/token")!)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(#"{"email":"cora@vgregion.example","password":"anslut-demo-2026"}"#.utf8)
        let (tokenData, _) = try await URLSession.shared.data(for: request)
        let token = try #require(try JSONDecoder().decode(CanonicalJSON.self, from: tokenData)["token"].stringValue)
        var list = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/api/v1/cases")!)
        list.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        let (listData, _) = try await URLSession.shared.data(for: list)
        let statuses = try JSONDecoder().decode(CanonicalJSON.self, from: listData)["items"].elements.compactMap { $0["status"].stringValue }
        // The coordinator sees the BFR cases except Anna's draft, which stays hers until she submits it; three wait in the queue.
        #expect(Set(statuses) == ["submitted", "triage", "queued", "in_progress"])

        kill(server.processIdentifier, SIGTERM)
        await server.exited()
        let printed = String(decoding: (server.standardOutput as! Pipe).fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(printed.contains("anslut-demo-2026"))
        for role in ["applicant", "coordinator", "decision_maker", "security_reviewer", "technician", "admin"] {
            #expect(printed.contains(role))
        }

        let verify = try await AnslutExecutable.run(["audit", "verify"], in: folder, environment: environment)
        #expect(verify.status == 0, "\(verify.stderr)")

        let again = try AnslutExecutable.start(["demo", "--port", "\(port)", "--mllp-port", "0", "--dicom-port", "0"], in: folder, environment: environment)
        defer { if again.isRunning { again.terminate() } }
        _ = try await ServeCommandTests.waitForHealth(port: port)
        kill(again.processIdentifier, SIGTERM)
        await again.exited()
        let secondOutput = String(decoding: (again.standardOutput as! Pipe).fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(secondOutput.contains("already has users"))
    }
}
