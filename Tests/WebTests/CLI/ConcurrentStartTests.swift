import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import TestSupport
import Testing

@Suite("Two servers started at once on one fresh PostgreSQL database")
struct ConcurrentStartTests {
    @Test(
        "the second waits for the first's migrations, then both serve",
        .enabled(if: TestEngine.current == .postgres, "Only PostgreSQL is shared by several instances; set DATABASE_URL"))
    func bothBecomeHealthy() async throws {
        try await withTestApp(migrate: false) { app in
            var ports = [try RawHTTP.freePort()]
            while ports.count < 2 { if let port = try? RawHTTP.freePort(), port != ports[0] { ports.append(port) } }
            let servers = try ports.map { port in
                try AnslutExecutable.start(
                    ["serve", "--port", "\(port)", "--mllp-port", "0", "--dicom-port", "0"], in: StartupErrorTests.scratchFolder(),
                    environment: ["DATABASE_URL": app.config.databaseURL, "LOG_LEVEL": "error"])
            }
            defer { for server in servers where server.isRunning { server.terminate() } }
            for (server, port) in zip(servers, ports) {
                try await Self.waitForHealth(of: server, port: port)
            }
            for server in servers {
                kill(server.processIdentifier, SIGTERM)
                await server.exited()
                #expect(server.terminationStatus == 0)
            }
        }
    }

    /// Waits until the server on `port` answers `/healthz`, failing at once with its error when it stops.
    static func waitForHealth(of server: Process, port: Int) async throws {
        let url = URL(string: "http://127.0.0.1:\(port)/healthz")!
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if let (_, response) = try? await URLSession.shared.data(from: url),
               (response as? HTTPURLResponse)?.statusCode == 200
            {
                return
            }
            guard server.isRunning else {
                let stderr = (server.standardError as! Pipe).fileHandleForReading.readDataToEndOfFile()
                Issue.record("The server on port \(port) stopped: \(String(decoding: stderr, as: UTF8.self).prefix(2_000))")
                return
            }
            try await Task.sleep(for: .milliseconds(200))
        }
        Issue.record("The server on port \(port) did not answer /healthz within 60 seconds")
    }
}
