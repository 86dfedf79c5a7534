import Foundation
import Testing

/// A 200 MB object streamed to disk: the listener runs in its own process (the `dicom-net-bench` product,
/// which keeps objects durably), so its peak resident memory, read from /proc, is the listener's alone and
/// not the test runner's or storescu's. It must stay far below the object's size.
@Suite("DICOM listener with a large object", .timeLimit(.minutes(5)))
struct LargeObjectTests {
    static let server = ExternalTools.productsDirectory.appendingPathComponent("dicom-net-bench").path
    static let storescu = ExternalTools.dcmtk("storescu")
    static let isRunnable = FileManager.default.isExecutableFile(atPath: server) && storescu != nil
        && ExternalTools.hasPynetdicom && FileManager.default.fileExists(atPath: "/proc/self/status")

    @Test(.enabled(if: isRunnable, "needs the dicom-net-bench product, dcmtk's storescu, pydicom and /proc"))
    func twoHundredMegabytesArriveWithBoundedMemory() async throws {
        let directory = try TemporaryDirectory("large")
        defer { directory.remove() }
        let source = directory.url.appendingPathComponent("large.dcm").path
        let made = try await ExternalTools.run(ExternalTools.python3!, [ExternalTools.script("make_large_object.py"), source, "200"])
        #expect(made.status == 0, "\(made.output)")

        let kept = directory.url.appendingPathComponent("kept").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.server)
        process.arguments = [kept]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        defer { process.terminate() }
        // On a thread of its own: the server may take a while to start on a loaded machine.
        let announcement = try await ExternalTools.onThreadOfItsOwn {
            String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
        }
        let port = try #require(announcement.split(separator: " ").last.flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) })

        let sent = try await ExternalTools.run(
            Self.storescu!, ["-aec", "ANSLUT", "127.0.0.1", "\(port)", source], timeout: .seconds(240))
        #expect(sent.status == 0, "\(sent.output)")
        let peak = try Self.peakResidentKilobytes(of: process.processIdentifier)
        process.terminate()

        // One PDU is 128 KiB from storescu; a few of them plus the runtime's own memory is all that may be held.
        #expect(peak < 80_000, "peak resident memory \(peak) kB while receiving 200 MB")
        let received = "\(kept)/1.2.826.0.1.3680043.10.1418.7.200.dcm"
        let compared = try await ExternalTools.run(
            "/usr/bin/cmp", ["-i", "\(try Self.dataSetOffset(source)):\(try Self.dataSetOffset(received))", source, received])
        #expect(compared.status == 0, "\(compared.output)")
    }

    /// VmHWM: the most memory the process ever had resident.
    private static func peakResidentKilobytes(of pid: Int32) throws -> Int {
        let status = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") } ?? ""
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? .max
    }

    /// Where a Part 10 file's data set starts, from (0002,0000).
    private static func dataSetOffset(_ path: String) throws -> Int {
        let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        let head = Array(try handle.read(upToCount: 144) ?? Data())
        return 144 + head[140..<144].reversed().reduce(0) { $0 << 8 | Int($1) }
    }
}
