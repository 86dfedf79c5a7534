import Domain
import Foundation
import ProcessFiles
import Testing

/// Counts the checklist lines of the two seed documents independently of the process files and checks
/// that each one is an item, with its Swedish wording, in the right phase (and section, where the seed
/// names one), so no item is lost.
@Suite(.enabled(if: RepositoryFiles.seedsAvailable, RepositoryFiles.seedsMissing))
struct SeedCoverageTests {
    /// One checklist line of a seed: which phase it belongs to, the seed's heading over it, and its text.
    struct SeedLine: CustomStringConvertible {
        let phase: PhaseID
        let section: String?
        let text: String
        var description: String { "\(phase) / \(section ?? "-") / \(text)" }
    }

    // MARK: - BFR

    /// The seed's level-2 headings whose bullet lists are checklists, and the phase each belongs to.
    /// "Bilagor som bifogas till beställningen" lists the attachments of the order (Del 1).
    static let bfrChecklists: [String: PhaseID] = [
        "Bilagor som bifogas till beställningen": "del1",
        "Del 2 Utredning": "del2",
        "Del 3 Beslut och uppföljning": "del3",
        "Del 4 Etablering": "del4",
    ]

    static func bfrSeedLines() throws -> [SeedLine] {
        var lines: [SeedLine] = []
        var chapter: String?
        var heading: String?
        for line in try RepositoryFiles.seed("bfr-anslutning.txt").components(separatedBy: "\n") {
            if line.hasPrefix("## ") {
                chapter = trimmed(line.dropFirst(3))
                heading = chapter.flatMap { bfrChecklists[$0] == "del1" ? $0 : nil }
            } else if line.hasPrefix("### ") || line.hasPrefix("#### ") {
                heading = trimmed(line.drop { $0 == "#" })
            } else if line.hasPrefix("- "), let chapter, let phase = bfrChecklists[chapter] {
                lines.append(SeedLine(phase: phase, section: heading, text: normalised(line.dropFirst(2))))
            }
        }
        return lines
    }

    @Test func theBFRSeedHasTheChecklistLinesWeExpect() throws {
        let lines = try Self.bfrSeedLines()

        #expect(lines.count == 74)
        #expect(Dictionary(grouping: lines, by: \.phase).mapValues(\.count) == ["del1": 5, "del2": 41, "del3": 5, "del4": 23])
        #expect(Set(lines.compactMap(\.section)).count == 10)
    }

    @Test func everyBFRChecklistLineIsAnItem() throws {
        let definition = try ProcessDefinitionLoader.load(contentsOf: RepositoryFiles.process("bfr.yaml"))

        for line in try Self.bfrSeedLines() {
            #expect(Self.contains(definition, line), "missing: \(line)")
        }
    }

    @Test func theBFRChecklistPartsHoldExactlyTheSeedsLinesInOrder() throws {
        let definition = try ProcessDefinitionLoader.load(contentsOf: RepositoryFiles.process("bfr.yaml"))
        let lines = try Self.bfrSeedLines()

        for phase in definition.phases where phase.id != "del1" {
            let seed = lines.filter { $0.phase == phase.id }.map(\.text)
            #expect(phase.items.map(\.text.sv) == seed, "\(phase.id)")
        }
        let attachments = try #require(definition.phases[0].sections.first { $0.id == "del1.bilagor" })
        #expect(attachments.items.map(\.text.sv) == lines.filter { $0.phase == "del1" }.map(\.text))
    }

    @Test func theBFRPhasesAreTheFormsFourParts() throws {
        let definition = try ProcessDefinitionLoader.load(contentsOf: RepositoryFiles.process("bfr.yaml"))
        let parts = try RepositoryFiles.seed("bfr-anslutning.txt").components(separatedBy: "\n")
            .filter { $0.hasPrefix("## Del ") }.map { trimmed($0.dropFirst(3)) }

        #expect(parts.count == 4)
        for (phase, part) in zip(definition.phases, parts) {
            #expect(part.hasPrefix(phase.title.sv), "\(phase.id): \(part)")
        }
        #expect(definition.phases.count == 4)
    }

    // MARK: - TakeCare

    static func takeCareSeed() throws -> (steps: [String], lines: [SeedLine]) {
        var steps: [String] = []
        var lines: [SeedLine] = []
        for line in try RepositoryFiles.seed("takecare-ansokningsprocess.txt").components(separatedBy: "\n") {
            if line.hasPrefix("Har du frågor?") { break }
            if line.hasPrefix("Steg "), line.dropFirst(6).hasPrefix(": ") {
                steps.append(trimmed(line[...]))
            } else if line.hasPrefix("- "), !steps.isEmpty {
                lines.append(SeedLine(phase: PhaseID("steg\(steps.count)"), section: nil, text: normalised(line.dropFirst(2))))
            }
        }
        return (steps, lines)
    }

    @Test func theTakeCareSeedHasTheStepsAndLinesWeExpect() throws {
        let seed = try Self.takeCareSeed()

        #expect(seed.steps.count == 6)
        #expect(seed.lines.count == 12)
        #expect(Dictionary(grouping: seed.lines, by: \.phase).mapValues(\.count) == ["steg2": 4, "steg4": 4, "steg5": 4])
    }

    @Test func theTakeCarePhasesAreTheSixSteps() throws {
        let definition = try ProcessDefinitionLoader.load(contentsOf: RepositoryFiles.process("takecare.yaml"))
        let steps = try Self.takeCareSeed().steps

        #expect(definition.phases.map(\.title.sv) == steps)
    }

    @Test func everyTakeCareLineIsAnItemOfItsStep() throws {
        let definition = try ProcessDefinitionLoader.load(contentsOf: RepositoryFiles.process("takecare.yaml"))

        for line in try Self.takeCareSeed().lines {
            #expect(Self.contains(definition, line), "missing: \(line)")
        }
    }

    /// The prose of each step asks for more than its bullets; these are the items the issue names.
    @Test(arguments: [
        ("steg1", "signerad av behörig personal"), ("steg1", "Förfrågan godkänd"), ("steg1", "prioritet satt"),
        ("steg3", "Frågeformuläret"), ("steg3", "Software Architecture Description (SAD)"),
        ("steg3", "Säkerhetsrevisionen godkänd"), ("steg4", "ansökningsblankett för QA-miljön"),
        ("steg4", "Systemkonto"), ("steg5", "(testprotokoll)"), ("steg5", "signera ett avtal"),
        ("steg5", "delegationslista"), ("steg6", "driftsatt i produktionsmiljön"), ("steg6", "Övervakning"),
    ])
    func takeCareStepsHoldTheirKeyItems(phase: String, wording: String) throws {
        let definition = try ProcessDefinitionLoader.load(contentsOf: RepositoryFiles.process("takecare.yaml"))
        let items = definition.phases.first { $0.id.rawValue == phase }?.items ?? []

        #expect(items.contains { $0.text.sv.contains(wording) })
    }

    // MARK: - Helpers

    static func contains(_ definition: ProcessDefinition, _ line: SeedLine) -> Bool {
        guard let phase = definition.phases.first(where: { $0.id == line.phase }) else { return false }
        let sections = phase.sections.filter { line.section == nil || $0.title.sv == line.section }
        return sections.contains { $0.items.contains { $0.text.sv == line.text } }
    }

    /// The seed line as it stands in a process file: links reduced to their text, "read more" pointers to
    /// other pages dropped, spaces collapsed.
    static func normalised(_ line: Substring) -> String {
        var text = String(line).replacing(/\[([^\]]*)\]\([^)]*\)/) { String($0.output.1) }
        for pointer in ["Läs mer om det här.", "(Extern länk)"] {
            text = text.replacingOccurrences(of: pointer, with: "")
        }
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

private func trimmed(_ text: Substring) -> String {
    text.trimmingCharacters(in: .whitespaces)
}
