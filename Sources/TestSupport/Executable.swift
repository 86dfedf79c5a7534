import Foundation

/// Runs the built `anslut` executable the way an operator would, for end-to-end tests of the command line.
public enum AnslutExecutable {
    /// The binary beside the test bundle in the build folder (`swift build --build-tests` builds both).
    public static var url: URL {
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = testBinary.deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("anslut")
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isFolder), !isFolder.boolValue {
                return candidate
            }
            folder.deleteLastPathComponent()
        }
        return testBinary.deletingLastPathComponent().appendingPathComponent("anslut")
    }

    /// What a finished run printed and how it ended.
    public struct Outcome: Sendable {
        public let status: Int32
        public let stdout: String
        public let stderr: String
    }

    /// Runs `anslut` with `arguments` in `directory`, with `environment` added to (or, with nil values,
    /// removed from) this process's environment, and waits for it to end on a thread of its own (`onThreadOfItsOwn`).
    public static func run(
        _ arguments: [String], in directory: String? = nil, environment: [String: String?] = [:],
        stdin: String? = nil
    ) async throws -> Outcome {
        try await onThreadOfItsOwn { try runSynchronously(arguments, in: directory, environment: environment, stdin: stdin) }
    }

    private static func runSynchronously(
        _ arguments: [String], in directory: String?, environment: [String: String?], stdin: String?
    ) throws -> Outcome {
        let process = try start(arguments, in: directory, environment: environment, stdin: stdin)
        let out = process.standardOutput as! Pipe
        let err = process.standardError as! Pipe
        let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
        let stderrData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
            stderr: String(decoding: stderrData, as: UTF8.self))
    }

    /// Starts `anslut` without waiting, with pipes on standard output and error; for servers.
    public static func start(
        _ arguments: [String], in directory: String? = nil, environment: [String: String?] = [:],
        stdin: String? = nil
    ) throws -> Process {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        var merged = ProcessInfo.processInfo.environment
        merged["LOG_FORMAT"] = "json"
        // The repository's definitions, wherever the test runs it; a test may name another folder or none.
        merged["ANSLUT_PROCESSES_DIR"] = merged["ANSLUT_PROCESSES_DIR"] ?? processesFolder
        for (key, value) in environment { merged[key] = value }
        process.environment = merged
        process.standardOutput = Pipe()
        process.standardError = Pipe()
        let input = Pipe()
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        return process
    }
}

extension Process {
    /// Waits for the process to end on a thread of its own (`onThreadOfItsOwn`).
    public func exited() async {
        nonisolated(unsafe) let process = self
        _ = try? await onThreadOfItsOwn { process.waitUntilExit() }
    }
}
