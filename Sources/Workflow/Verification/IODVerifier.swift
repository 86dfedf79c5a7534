import Domain
import Foundation
import Integration

/// Runs dciodvfy (Debian's dicom3tools) on a received object, when the installation has it, for a second opinion on
/// its IOD (`IODVerifierReport`). Blocking: run it in the file work, never on a listener's event loop. A verifier that
/// fails to start, or runs longer than `timeout`, adds one finding that says so instead of holding the object back.
public struct IODVerifier: Sendable {
    public let executable: String
    public let timeout: Duration

    public init(executable: String, timeout: Duration = .seconds(10)) {
        self.executable = executable
        self.timeout = timeout
    }

    /// The findings for the Part 10 file at `path`.
    public func findings(forFileAt path: String) -> [VerificationFinding] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-new", path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        do { try process.run() } catch { return [trouble("could not be started: \(error)", "kunde inte startas: \(error)")] }
        // Read until the tool closes its end; a tool that hangs is stopped after the timeout.
        let deadline = DispatchTime.now() + .milliseconds(Int(timeout.components.seconds * 1000))
        let killer = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: deadline, execute: killer)
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        killer.cancel()
        if process.terminationReason == .uncaughtSignal {
            return [trouble("stopped after \(timeout)", "avbröts efter \(timeout)")]
        }
        return IODVerifierReport.findings(String(decoding: data, as: UTF8.self))
    }

    private func trouble(_ en: String, _ sv: String) -> VerificationFinding {
        VerificationFinding(.information, code: 207, rule: "dciodvfy.unavailable", at: nil, LocalizedText(
            sv: "dciodvfy \(sv); objektet lagrades utan dess bedömning.",
            en: "dciodvfy \(en); the object was stored without its opinion."))
    }
}
