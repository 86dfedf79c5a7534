import Crypto
import Domain
import Foundation
import TestSupport
import Testing

/// Uploads stream into the blob store: shown on the built server with curl, by the server's peak memory while a
/// file much larger than the growth it may cause goes in, and by the refusals of bodies over the limit.
@Suite("Streamed document uploads, over a socket", .serialized)
struct StreamedUploadTests {
    typealias Server = SecurityOverSocketTests.Server
    static let applicant = "anna@vardgivare.example"

    /// A server with an upload limit of `limit` MB, an applicant's bearer token and a draft case of theirs.
    static func prepared(limit: Int) async throws -> (Server, token: String, caseID: String) {
        let server = try await Server.start(["ANSLUT_MAX_UPLOAD_MB": "\(limit)"])
        let created = try await AnslutExecutable.run(
            ["user", "create", "--email", applicant, "--role", "applicant", "--organisation", "5565594230",
             "--organisation-name", "Vårdgivare AB"],
            in: server.folder, environment: server.environment, stdin: SecurityOverSocketTests.password + "\n")
        #expect(created.status == 0, "\(created.stderr)")
        let answer = try server.token(applicant, SecurityOverSocketTests.password)
        let token = try #require(try Self.json(answer)["token"] as? String)
        let body = #"{"platform":"BFR"}"#
        let made = try RawHTTP.exchange(port: server.port, [
            "POST /api/v1/cases HTTP/1.1", "Host: 127.0.0.1:\(server.port)", "Connection: close",
            "Authorization: Bearer \(token)", "Content-Type: application/json", "Content-Length: \(body.utf8.count)",
        ].joined(separator: "\r\n") + "\r\n\r\n" + body)
        let caseID = try #require(try Self.json(made)["id"] as? String)
        return (server, token, caseID)
    }

    // 16 MB: the debug build's multipart parser (MultipartKit, unspecialised generics) reads about 1.5 MB/s, and
    // collecting the body would still cost twice the file in memory.
    @Test("a 16 MB file goes in whole, hashed right, while the server's peak memory grows by far less")
    func largeFileStreams() async throws {
        let (server, token, caseID) = try await Self.prepared(limit: 64)
        defer { server.stop() }
        let small = try Self.pdfFile(in: server.folder, name: "small.pdf", megabytes: 1)
        #expect(try await Self.curlUpload(server, token, caseID, file: small).status == 201)
        let before = try Self.peakMemory(server)
        let large = try Self.pdfFile(in: server.folder, name: "large.pdf", megabytes: 16)
        let uploaded = try await Self.curlUpload(server, token, caseID, file: large)
        #expect(uploaded.status == 201, "\(uploaded.body)")
        let expected = HexDigits.encode(SHA256.hash(data: try Data(contentsOf: URL(fileURLWithPath: large))))
        #expect(try Self.json(uploaded.body)["sha256"] as? String == expected)
        #expect(try Self.json(uploaded.body)["size"] as? Int == 16 * 1_048_576)
        let growth = try Self.peakMemory(server) - before
        #expect(growth < 8 * 1_048_576, "peak memory grew by \(growth / 1_048_576) MB for a 16 MB upload")
        let stored = server.folder + "/data/blobs/" + expected.prefix(2) + "/" + expected
        #expect(FileManager.default.fileExists(atPath: stored))
    }

    @Test("a declared length over the limit is a 413 before the body is read; one stopped mid-way keeps nothing")
    func overTheLimit() async throws {
        let (server, token, caseID) = try await Self.prepared(limit: 2)
        defer { server.stop() }
        // The head and the body's first line (Vapor starts a handler at the first body bytes): the answer comes
        // while the other 500 MB are still unsent.
        let early = try RawHTTP.exchange(port: server.port, [
            "POST /api/v1/cases/\(caseID)/documents HTTP/1.1", "Host: 127.0.0.1:\(server.port)", "Connection: close",
            "Authorization: Bearer \(token)", "Content-Type: multipart/form-data; boundary=x",
            "Content-Length: 500000000",
        ].joined(separator: "\r\n") + "\r\n\r\n--x\r\n", timeout: 5)
        #expect(Server.status(early) == 413, "\(early)")
        #expect(early.contains("body-too-large"))

        // Chunked, so no length is declared: the server stops reading once the bytes pass the limit.
        let huge = try Self.pdfFile(in: server.folder, name: "huge.pdf", megabytes: 6)
        let refused = try await Self.curlUpload(server, token, caseID, file: huge, chunked: true)
        #expect(refused.status == 413 || refused.status == 422 || refused.status == 0, "\(refused.body)")
        let incoming = server.folder + "/data/blobs/.incoming"
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: incoming)) ?? []).isEmpty)
        let listed = try RawHTTP.exchange(port: server.port, [
            "GET /api/v1/cases/\(caseID)/documents HTTP/1.1", "Host: 127.0.0.1:\(server.port)", "Connection: close",
            "Authorization: Bearer \(token)",
        ].joined(separator: "\r\n") + "\r\n\r\n")
        #expect(!listed.contains("huge.pdf"))
    }

    /// A file of `megabytes` MB that the sniffer takes for a PDF.
    static func pdfFile(in folder: String, name: String, megabytes: Int) throws -> String {
        let path = folder + "/" + name
        var content = Data(count: megabytes * 1_048_576)
        content.replaceSubrange(0..<9, with: Data("%PDF-1.7\n".utf8))
        try content.write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Uploads `file` as a test protocol with curl; the status (0 when the connection ended without one) and body.
    static func curlUpload(
        _ server: Server, _ token: String, _ caseID: String, file: String, chunked: Bool = false
    ) async throws -> (status: Int, body: String) {
        // A 16 MB upload takes tens of seconds in a debug build.
        let port = server.port
        return try await onThreadOfItsOwn { try curlUploadSynchronously(port: port, token, caseID, file: file, chunked: chunked) }
    }

    private static func curlUploadSynchronously(
        port: Int, _ token: String, _ caseID: String, file: String, chunked: Bool
    ) throws -> (status: Int, body: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        process.arguments = [
            "-s", "-o", "-", "-w", "\n%{http_code}", "-H", "Authorization: Bearer \(token)",
            "-F", "kind=test_protocol", "-F", "file=@\(file);type=application/pdf",
        ] + (chunked ? ["-H", "Transfer-Encoding: chunked"] : [])
            + ["http://127.0.0.1:\(port)/api/v1/cases/\(caseID)/documents"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return (Int(lines.last ?? "") ?? 0, lines.dropLast().joined(separator: "\n"))
    }

    /// The server process's peak resident memory (VmHWM), in bytes.
    static func peakMemory(_ server: Server) throws -> Int {
        let status = try String(contentsOfFile: "/proc/\(server.process.processIdentifier)/status", encoding: .utf8)
        let line = try #require(status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") })
        return (Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0) * 1024
    }

    /// The JSON body of an HTTP answer (everything after the header block).
    static func json(_ answer: String) throws -> [String: Any] {
        let body = answer.components(separatedBy: "\r\n\r\n").dropFirst().joined(separator: "\r\n\r\n")
        let text = body.isEmpty ? answer : body
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }
}
