import Foundation
import MLLP
import Testing

/// python-hl7's `mllp_send` (`pip install hl7`) as an independent sender: it frames messages itself and
/// prints each answer it reads back.
@Suite("MLLP server with a third-party client", .timeLimit(.minutes(1)))
struct MLLPThirdPartyClientTests {
    static let mllpSend = executableOnPath("mllp_send")

    @Test(.enabled(if: mllpSend != nil, "mllp_send is not on PATH (pip install hl7)"))
    func mllpSendGetsAnAckForEachMessage() async throws {
        let messages = (1...3).map {
            "MSH|^~\\&|RIS|SAHLGRENSKA|ANSLUT|VGR|20260101120000||ADT^A08^ADT_A01|CTRL-\($0)|T|2.5\rPID|1||191212121212^^^SE&1.2.752.129.2.1.3.1&ISO^NNPID"
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("mllp-send-\(UUID().uuidString).hl7")
        try messages.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }

        try await withMLLPServer(handler: ControlIDAckHandler()) { server async throws in
            let output = try await run(
                Self.mllpSend!,
                arguments: ["--loose", "-f", file.path, "-p", "\(server.localPort)", "127.0.0.1"]
            )
            // Split on bytes: as Swift Characters, the ACK's last CR and the printed LF form one "\r\n".
            let acknowledged = Array(output.utf8).split(separator: UInt8(ascii: "\n")).map { line in
                String(decoding: line, as: UTF8.self).split(separator: "\r").first { $0.hasPrefix("MSA|") }.map(String.init)
            }
            #expect(acknowledged == ["MSA|AA|CTRL-1", "MSA|AA|CTRL-2", "MSA|AA|CTRL-3"])
            #expect(server.statistics.frames == 3)
        }
    }
}

/// Answers AA with the message's MSH-10, the least an HL7 sender checks. Tests only: the listener itself
/// knows nothing of HL7.
private struct ControlIDAckHandler: MLLPMessageHandler {
    func handle(message: [UInt8], connection: MLLPConnectionInfo) async -> [UInt8] {
        let header = String(decoding: message, as: UTF8.self).split(separator: "\r").first ?? ""
        let fields = header.split(separator: "|", omittingEmptySubsequences: false)
        let controlID = fields.count > 9 ? fields[9] : ""
        return Array("MSH|^~\\&|ANSLUT|VGR|RIS|SAHLGRENSKA|20260101120001||ACK^A08^ACK|ACK-\(controlID)|T|2.5\rMSA|AA|\(controlID)\r".utf8)
    }

    func oversize(prefix: [UInt8], length: Int, connection: MLLPConnectionInfo) async -> [UInt8] {
        []
    }
}

private func executableOnPath(_ name: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
    return path.split(separator: ":")
        .map { "\($0)/\(name)" }
        .first { FileManager.default.isExecutableFile(atPath: $0) }
}

/// Runs a program to its end off the cooperative pool's threads and returns its standard output.
private func run(_ executable: String, arguments: [String]) async throws -> String {
    try await withCheckedThrowingContinuation { continuation in
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.terminationHandler = { _ in
            let data = output.fileHandleForReading.readDataToEndOfFile()
            continuation.resume(returning: String(decoding: data, as: UTF8.self))
        }
        do {
            try process.run()
        } catch {
            continuation.resume(throwing: error)
        }
    }
}
