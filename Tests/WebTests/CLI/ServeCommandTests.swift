import Foundation
import TestSupport
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

@Suite("anslut serve, as an operator runs it", .serialized)
struct ServeCommandTests {
    @Test("serves /healthz, refuses a second server on the same port, and stops cleanly on SIGTERM")
    func lifecycle() async throws {
        let folder = StartupErrorTests.scratchFolder()
        let port = try RawHTTP.freePort()
        let server = try AnslutExecutable.start(["serve", "--port", "\(port)", "--mllp-port", "0", "--dicom-port", "0"], in: folder)
        defer { if server.isRunning { server.terminate() } }

        let health = try await Self.waitForHealth(port: port)
        let expectedEngine = ProcessInfo.processInfo.environment["DATABASE_URL"].map { $0.isEmpty ? "sqlite" : "postgres" } ?? "sqlite"
        #expect(health == #"{"status":"ok","database":"\#(expectedEngine)"}"# || health.contains(#""status":"ok""#))

        let second = try await AnslutExecutable.run(["serve", "--port", "\(port)", "--mllp-port", "0", "--dicom-port", "0"], in: folder)
        #expect(second.status == 1)
        #expect(second.stderr.contains("127.0.0.1:\(port): the address is already in use"))

        kill(server.processIdentifier, SIGTERM)
        await server.exited()
        #expect(server.terminationStatus == 0)
    }

    @Test("SIGTERM under load lets the requests in flight finish and exits cleanly")
    func stopUnderLoad() async throws {
        let folder = StartupErrorTests.scratchFolder()
        let port = try RawHTTP.freePort()
        // Quiet: nobody reads the server's log pipe while the load runs, and a full pipe would stop it. On
        // its own SQLite file, so that it never shares a PostgreSQL database with another test's server.
        let server = try AnslutExecutable.start(
            ["serve", "--port", "\(port)", "--mllp-port", "0", "--dicom-port", "0"], in: folder, environment: ["LOG_LEVEL": "error", "DATABASE_URL": nil])
        defer { if server.isRunning { server.terminate() } }
        _ = try await Self.waitForHealth(port: port)

        // An unknown bearer token is looked up in the database on every request: the path that crashed
        // when the databases closed before the server had stopped.
        let request = {
            var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/api/v1/cases")!)
            request.setValue("Bearer anslut_unknown", forHTTPHeaderField: "Authorization")
            request.timeoutInterval = 5
            return request
        }()
        let answered = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<16 {
                group.addTask {
                    var count = 0
                    let deadline = Date().addingTimeInterval(10)
                    while Date() < deadline, let (_, response) = try? await URLSession.shared.data(for: request) {
                        #expect((response as? HTTPURLResponse)?.statusCode == 401)
                        count += 1
                    }
                    return count
                }
            }
            try await Task.sleep(for: .milliseconds(500))
            kill(server.processIdentifier, SIGTERM)
            return try await group.reduce(0, +)
        }
        await server.exited()
        let stderr = String(decoding: (server.standardError as! Pipe).fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(answered > 0)
        #expect(server.terminationStatus == 0)
        #expect(!stderr.contains("crashed"), "\(stderr.prefix(2_000))")
    }

    @Test("a port outside 1-65535 is refused before anything starts")
    func badPort() async throws {
        let outcome = try await AnslutExecutable.run(["serve", "--port", "70000"], in: StartupErrorTests.scratchFolder())
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("--port must be between 1 and 65535"))
    }

    static func waitForHealth(port: Int) async throws -> String {
        let url = URL(string: "http://127.0.0.1:\(port)/healthz")!
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if let (data, response) = try? await URLSession.shared.data(from: url),
               (response as? HTTPURLResponse)?.statusCode == 200
            {
                return String(decoding: data, as: UTF8.self)
            }
            try await Task.sleep(for: .milliseconds(200))
        }
        throw CancellationError()
    }
}
