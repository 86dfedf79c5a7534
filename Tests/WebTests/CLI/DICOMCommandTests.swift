import DICOM
import Foundation
import TestSupport
import Testing

/// `anslut dicom check` and `anslut dicom dump` on files as an operator runs them.
@Suite("anslut dicom check and dump")
struct DICOMCommandTests {
    private static func file(_ data: DataSetWriter) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dicom-\(UUID().uuidString).dcm").path
        try Data(data.part10(transferSyntax: .explicitVRLittleEndian)).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("check: a clean object passes; one with real personal data fails naming the rule and the tag; JSON on request")
    func check() async throws {
        let clean = try Self.file(DICOMTrafficTests.ct(instance: "1"))
        let real = try Self.file(DICOMTrafficTests.ct(instance: "2", patientID: "191212121212"))
        defer { for path in [clean, real] { try? FileManager.default.removeItem(atPath: path) } }
        let passed = try await AnslutExecutable.run(["dicom", "check", clean], in: NSTemporaryDirectory())
        #expect(passed.status == 0, "\(passed.stdout)\(passed.stderr)")
        #expect(passed.stdout.contains("CT 1.2.752.24.7.1.1, no findings (bfr-dicom@1)"))
        let failed = try await AnslutExecutable.run(["dicom", "check", clean, real], in: NSTemporaryDirectory())
        #expect(failed.status == 1)
        #expect(failed.stdout.contains("E 102 (0010,0020) identity.real-personnummer"))
        let json = try await AnslutExecutable.run(["dicom", "check", real, "--json"], in: NSTemporaryDirectory())
        let decoded = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        let findings = decoded?.first?["findings"] as? [[String: Any]]
        #expect(findings?.map { $0["rule"] as? String } == ["identity.real-personnummer"])
        #expect(try await AnslutExecutable.run(["dicom", "check"], in: NSTemporaryDirectory()).status == 2)
        #expect(try await AnslutExecutable.run(["dicom", "check", clean, "--profile", "nope"], in: NSTemporaryDirectory()).status == 2)
        let unreadable = try await AnslutExecutable.run(["dicom", "check", "/nonexistent.dcm"], in: NSTemporaryDirectory())
        #expect(unreadable.status == 1 && unreadable.stdout.contains("unreadable"))
    }

    @Test("dump prints the header as dcmdump does: the same tags, VRs and values up to the pixel data")
    func dump() async throws {
        let path = try Self.file(DICOMTrafficTests.ct(instance: "1"))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let dumped = try await AnslutExecutable.run(["dicom", "dump", path], in: NSTemporaryDirectory())
        #expect(dumped.status == 0, "\(dumped.stderr)")
        #expect(dumped.stdout.contains("(0010,0020) LO [189001019802]  # 12, 1 PatientID"))
        #expect(dumped.stdout.contains("(0010,0010) PN [Åberg^Märta]"))
        #expect(dumped.stdout.contains("(0028,0010) US 4  # 2, 1 Rows"))
        #expect(dumped.stdout.contains("(0010,0024) SQ (Sequence with 1 item)"))
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/dcmdump") else { return }
        // The tags, in order, are dcmdump's (its item and delimitation lines left out).
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/dcmdump")
        process.arguments = ["-q", path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let reference = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        await process.exited()
        func tags(_ text: String) -> [String] {
            text.split(separator: "\n").compactMap { line in
                let trimmed = line.drop { $0 == " " }
                guard trimmed.hasPrefix("("), !trimmed.hasPrefix("(fffe"), !trimmed.hasPrefix("(FFFE") else { return nil }
                return String(trimmed.prefix(11)).uppercased()
            }
        }
        #expect(tags(dumped.stdout) == tags(reference))
    }
}
