import Domain
import Foundation
import Integration
import ProcessFiles
import Vapor

/// `anslut hl7 …`: HL7 v2 tools that need no database.
struct HL7Commands: AsyncCommandGroup {
    var commands: [String: any AnyAsyncCommand] { ["check": HL7CheckCommand()] }
    var help: String { "HL7 v2 tools: check message files against the platforms' profiles." }
}

/// `anslut hl7 check FILE... [--profile ID] [--json]`: checks every message of the files (one after another in a
/// file; CR, LF or MLLP framing between them) as the verification environment would, and prints the findings.
/// Exit 0 when no message has an error, 1 when one has, 2 for a usage mistake. Written against `AnyAsyncCommand`
/// because ConsoleKit's signatures take one value per argument and this takes many files.
struct HL7CheckCommand: AnyAsyncCommand {
    var help: String { "Checks HL7 v2 message files against the platforms' profiles (Processes/profiles)." }

    func outputHelp(using context: inout CommandContext) {
        context.console.output("Usage: anslut hl7 check FILE... [--profile ID] [--json]\n\(help)".consoleText())
    }

    func run(using context: inout CommandContext) async throws {
        let arguments = try FileCheckArguments(context.input.arguments, usage: "anslut hl7 check FILE... [--profile ID] [--json]")
        if arguments.wantsHelp {
            outputHelp(using: &context)
            return
        }
        let (files, profileID, json) = (arguments.files, arguments.profileID, arguments.json)
        let profiles = try context.application.hl7Profiles()
        if let profileID, !profiles.contains(where: { $0.id == profileID }) {
            throw CommandExit(status: 2, message: "No profile \(profileID); there are: \(profiles.map(\.id).joined(separator: ", ")).")
        }
        var report: [(file: String, results: [HL7FileCheck.Result])] = []
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw CommandExit(status: 2, message: "Cannot read \(file).")
            }
            report.append((file, HL7FileCheck.check([UInt8](data), profiles: profiles, profileID: profileID, today: .today())))
        }
        FileHandle.standardOutput.write(Data((json ? Self.json(report) : Self.text(report)).utf8))
        if report.contains(where: { $0.results.contains { $0.findings.contains { $0.severity == .error } } }) {
            throw CommandExit(status: 1)
        }
    }

    private static func text(_ report: [(file: String, results: [HL7FileCheck.Result])]) -> String {
        var lines: [String] = []
        for (file, results) in report {
            for result in results {
                lines.append("\(file): message \(result.index) at byte \(result.byteOffset) (\(result.message.isEmpty ? "?" : result.message) \(result.controlID)): \(result.acknowledgement.rawValue)\(result.profile.map { ", \($0)" } ?? "")")
                for finding in result.findings {
                    lines.append("  \(finding.severity.rawValue) \(finding.code) \(finding.location?.description ?? "-") \(finding.rule)")
                    lines.append("    en: \(finding.text.en)")
                    lines.append("    sv: \(finding.text.sv)")
                }
            }
        }
        let counts = report.flatMap(\.results).reduce(into: [String: Int]()) { $0[$1.acknowledgement.rawValue, default: 0] += 1 }
        lines.append("\(report.flatMap(\.results).count) messages: " + ["AA", "AE", "AR"].map { "\(counts[$0] ?? 0) \($0)" }.joined(separator: ", "))
        return lines.joined(separator: "\n") + "\n"
    }

    private static func json(_ report: [(file: String, results: [HL7FileCheck.Result])]) -> String {
        struct FileReport: Encodable {
            let file: String
            let messages: [HL7FileCheck.Result]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
        let data = (try? encoder.encode(report.map { FileReport(file: $0.file, messages: $0.results) })) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
