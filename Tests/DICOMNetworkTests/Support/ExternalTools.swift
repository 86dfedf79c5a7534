import Foundation

/// The programs the interoperability tests drive, and how to run them.
enum ExternalTools {
    /// dcmtk's tool `name` from Debian's package: found in /usr/bin first, since pynetdicom installs Python
    /// programs of the same names (storescp, ...) that may come first on PATH.
    static func dcmtk(_ name: String) -> String? {
        let debian = "/usr/bin/\(name)"
        return FileManager.default.isExecutableFile(atPath: debian) ? debian : nil
    }

    static let python3: String? = onPath("python3")

    /// Whether python3 can import pydicom and pynetdicom.
    static let hasPynetdicom: Bool = {
        guard let python3 else { return false }
        return (try? runSynchronously(python3, ["-c", "import pydicom, pynetdicom"]).status) == 0
    }()

    /// A script shipped in the test bundle's Scripts folder.
    static func script(_ name: String) -> String {
        Bundle.module.url(forResource: "Scripts/\(name)", withExtension: nil)!.path
    }

    /// The folder holding the built products (the test bundle's sibling), where `dicom-net-bench` is.
    static var productsDirectory: URL {
        Bundle.module.bundleURL.deletingLastPathComponent()
    }

    static func onPath(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// What a finished program printed (standard output and error together) and its exit status.
    struct Outcome: Sendable {
        let status: Int32
        let output: String
    }

    /// Runs a program to its end on a thread of its own, with `TCP_NODELAY=1` (dcmtk's tools otherwise wait on
    /// Nagle's algorithm) and a time limit after which it is killed.
    static func run(
        _ executable: String, _ arguments: [String], timeout: Duration = .seconds(120)
    ) async throws -> Outcome {
        try await onThreadOfItsOwn { try runSynchronously(executable, arguments, timeout: timeout) }
    }

    /// Runs `body` on a thread of its own. Not on GCD's global queue: on Linux, Swift's concurrency pool runs on
    /// that queue's threads, one per core, and a test waiting there for its client held up every task in the test
    /// process, the listeners' among them, until the client's 30 s timeout (the same as TestSupport's, which this
    /// target does not import).
    static func onThreadOfItsOwn<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try body() }) }.start()
        }
    }

    private static func runSynchronously(
        _ executable: String, _ arguments: [String], timeout: Duration = .seconds(120)
    ) throws -> Outcome {
        let outputFile = FileManager.default.temporaryDirectory.appendingPathComponent("dicomnet-out-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: outputFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: outputFile) }
        let output = try FileHandle(forWritingTo: outputFile)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["TCP_NODELAY"] = "1"
        process.environment = environment
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let killer = DispatchWorkItem { process.terminate() }
        DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(Int(timeout.components.seconds * 1000)), execute: killer)
        process.waitUntilExit()
        killer.cancel()
        try output.close()
        let text = String(decoding: try Data(contentsOf: outputFile), as: UTF8.self)
        return Outcome(status: process.terminationStatus, output: text)
    }
}
