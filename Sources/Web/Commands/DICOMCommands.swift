import DICOM
import Domain
import Foundation
import Integration
import Vapor

/// `anslut dicom …`: DICOM tools that need no database.
struct DICOMCommands: AsyncCommandGroup {
    var commands: [String: any AnyAsyncCommand] { ["check": DICOMCheckCommand(), "dump": DICOMDumpCommand()] }
    var help: String { "DICOM tools: check Part 10 files against the platforms' profiles; print a header." }
}

/// `anslut dicom check FILE... [--profile ID] [--json]`: checks each Part 10 file as the verification environment
/// would (by default against BFR's profile) and prints the findings. Exit 0 when no file has an error, 1 when one
/// has (or cannot be read), 2 for a usage mistake.
struct DICOMCheckCommand: AnyAsyncCommand {
    var help: String { "Checks DICOM Part 10 files against a platform's DICOM profile (Processes/profiles/dicom)." }

    func outputHelp(using context: inout CommandContext) {
        context.console.output("Usage: anslut dicom check FILE... [--profile ID] [--json]\n\(help)".consoleText())
    }

    /// One file's outcome.
    struct Report: Encodable {
        let file: String
        let error: String?
        let summary: DICOMObjectSummary?
        let findings: [VerificationFinding]
    }

    func run(using context: inout CommandContext) async throws {
        let arguments = try FileCheckArguments(context.input.arguments, usage: "anslut dicom check FILE... [--profile ID] [--json]")
        if arguments.wantsHelp {
            outputHelp(using: &context)
            return
        }
        let (files, profileID, json) = (arguments.files, arguments.profileID ?? "bfr-dicom", arguments.json)
        let profiles = try context.application.dicomProfiles()
        guard let profile = profiles.filter({ $0.id == profileID }).max(by: { $0.version < $1.version }) else {
            throw CommandExit(status: 2, message: "No profile \(profileID); there are: \(profiles.map(\.id).joined(separator: ", ")).")
        }
        let check = DICOMObjectCheck(profile)
        var reports: [Report] = []
        for file in files {
            do {
                let header = try DICOMFile.read(atPath: file)
                let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
                let (findings, summary) = check.check(header, size: size, verification: true, today: .today())
                reports.append(Report(file: file, error: nil, summary: summary, findings: findings))
            } catch {
                reports.append(Report(file: file, error: error.description, summary: nil, findings: []))
            }
        }
        FileHandle.standardOutput.write(Data((json ? Self.json(reports) : Self.text(reports, profile)).utf8))
        if reports.contains(where: { $0.error != nil || $0.findings.contains { $0.severity == .error } }) {
            throw CommandExit(status: 1)
        }
    }

    private static func text(_ reports: [Report], _ profile: DICOMProfile) -> String {
        var lines: [String] = []
        for report in reports {
            if let error = report.error {
                lines.append("\(report.file): unreadable: \(error)")
                continue
            }
            let summary = report.summary
            lines.append("\(report.file): \(summary?.modality ?? "?") \(summary?.sopInstanceUID ?? "?"), \(report.findings.isEmpty ? "no findings" : "\(report.findings.count) findings") (\(profile.id)@\(profile.version))")
            for finding in report.findings {
                lines.append("  \(finding.severity.rawValue) \(finding.code) \(finding.location?.description ?? "-") \(finding.rule)")
                lines.append("    en: \(finding.text.en)")
                lines.append("    sv: \(finding.text.sv)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func json(_ reports: [Report]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
        return String(decoding: (try? encoder.encode(reports)) ?? Data("[]".utf8), as: UTF8.self) + "\n"
    }
}

/// `anslut dicom dump FILE`: prints the file meta and the data set up to the pixel data as dcmdump does (tag, VR,
/// value, length, multiplicity, keyword). Exit 1 when the file cannot be read.
struct DICOMDumpCommand: AnyAsyncCommand {
    var help: String { "Prints a DICOM file's header as dcmdump does." }

    func outputHelp(using context: inout CommandContext) {
        context.console.output("Usage: anslut dicom dump FILE\n\(help)".consoleText())
    }

    func run(using context: inout CommandContext) async throws {
        guard let file = context.input.arguments.first, context.input.arguments.count == 1, !file.hasPrefix("--") else {
            throw CommandExit(status: 2, message: "Usage: anslut dicom dump FILE")
        }
        let dicom: DICOMFile
        do {
            dicom = try DICOMFile.read(atPath: file)
        } catch {
            throw CommandExit(status: 1, message: "\(file): \(error.description)")
        }
        let lines = ["# Dicom-File-Format", "", "# Dicom-Meta-Information-Header", "# Used TransferSyntax: Little Endian Explicit"]
            + dicom.fileMeta.dumpLines()
            + ["", "# Dicom-Data-Set", "# Used TransferSyntax: \(dicom.transferSyntax.name)"] + dicom.dataSet.dumpLines()
        FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }
}
