import Foundation
import TestSupport
import Testing

/// `anslut hl7 check` on files as an operator runs it: findings printed, exit 1 on errors, 2 on usage mistakes.
@Suite("anslut hl7 check")
struct HL7CheckCommandTests {
    static let good = "MSH|^~\\&|DEMORIS|DEMOHOSP|BFR|VGR|20261206101500||ADT^A01|MSG0001|T|2.5|||||SE|UNICODE UTF-8\r"
        + "EVN|A01|20261206\rPID|1||189001019802^^^&1.2.752.129.2.1.3.1&ISO^PI||Åberg^Märta||18900101|F\rPV1|1|O\r"
    static let real = good.replacingOccurrences(of: "MSG0001", with: "MSG0002")
        .replacingOccurrences(of: "189001019802", with: "191212121212")

    private static func file(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("hl7-\(UUID().uuidString).hl7").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("a file of good messages passes; one with real personal data fails naming the rule and the place")
    func checksFiles() async throws {
        let good = try Self.file(Self.good + "\n" + Self.good.replacingOccurrences(of: "MSG0001", with: "MSG0003"))
        let passed = try await AnslutExecutable.run(["hl7", "check", good], in: processesParent)
        #expect(passed.status == 0, "\(passed.stdout)\(passed.stderr)")
        #expect(passed.stdout.contains("2 messages: 2 AA, 0 AE, 0 AR"))

        let mixed = try Self.file(Self.good + "\n" + Self.real)
        let failed = try await AnslutExecutable.run(["hl7", "check", good, mixed], in: processesParent)
        #expect(failed.status == 1)
        #expect(failed.stdout.contains("message 2 at byte 196 (ADT^A01 MSG0002): AE, bfr-hl7@1"))
        #expect(failed.stdout.contains("E 102 PID-3.1 identity.real-personnummer"))
        #expect(failed.stdout.contains("4 messages: 3 AA, 1 AE, 0 AR"))

        let json = try await AnslutExecutable.run(["hl7", "check", mixed, "--json", "--profile", "bfr-hl7"], in: processesParent)
        let decoded = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        let messages = decoded?.first?["messages"] as? [[String: Any]]
        #expect(messages?.map { $0["acknowledgement"] as? String } == ["AA", "AE"])
    }

    @Test("no file, an unknown profile or an unreadable file is a usage mistake")
    func usage() async throws {
        #expect(try await AnslutExecutable.run(["hl7", "check"], in: processesParent).status == 2)
        let good = try Self.file(Self.good)
        let unknown = try await AnslutExecutable.run(["hl7", "check", good, "--profile", "nope"], in: processesParent)
        #expect(unknown.status == 2 && unknown.stderr.contains("No profile nope"))
        #expect(try await AnslutExecutable.run(["hl7", "check", "/nonexistent.hl7"], in: processesParent).status == 2)
        let garbage = try Self.file("not hl7 at all")
        let refused = try await AnslutExecutable.run(["hl7", "check", garbage], in: processesParent)
        #expect(refused.status == 1 && refused.stdout.contains("frame.no-message"))
    }

    /// The repository folder, where `Processes/` is, so the binary finds the profiles as `anslut` does at start.
    private var processesParent: String {
        URL(fileURLWithPath: processesFolder).deletingLastPathComponent().path
    }
}
