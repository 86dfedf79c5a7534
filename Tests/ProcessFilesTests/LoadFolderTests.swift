import Domain
import Foundation
import ProcessFiles
import Testing

@Suite struct LoadFolderTests {
    static func temporaryFolder(_ files: [String: String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("process-files-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in files {
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return folder
    }

    @Test func loadsEveryYAMLFileInNameOrderAndIgnoresOthers() throws {
        let folder = try Self.temporaryFolder([
            "b.yaml": LoaderProblemTests.valid.replacingOccurrences(of: "id: mini", with: "id: second"),
            "a.yaml": LoaderProblemTests.valid,
            "notes.md": "not a process",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }

        let definitions = try ProcessDefinitionLoader.loadFolder(folder)

        #expect(definitions.map(\.id) == ["mini", "second"])
    }

    @Test func reportsProblemsOfAllFilesAndTheSameVersionTwice() throws {
        let folder = try Self.temporaryFolder([
            "a.yaml": LoaderProblemTests.valid,
            "b.yaml": LoaderProblemTests.valid,
            "c.yaml": LoaderProblemTests.valid.replacingOccurrences(of: "owner: coordinator", with: "owner: nobody"),
        ])
        defer { try? FileManager.default.removeItem(at: folder) }

        let error = try #require(throws: ProcessLoadError.self) { try ProcessDefinitionLoader.loadFolder(folder) }

        #expect(error.problems.map(\.code) == ["duplicate-definition", "unknown-role"])
        #expect(error.problems[0].file.hasSuffix("/b.yaml"))
        #expect(error.problems[0].line == 1)
        #expect(error.problems[1].file.hasSuffix("/c.yaml"))
    }

    @Test func aMissingFolderIsReported() {
        let folder = URL(fileURLWithPath: "/nonexistent/processes")

        let error = #expect(throws: ProcessLoadError.self) { try ProcessDefinitionLoader.loadFolder(folder) }

        #expect(error?.problems.map(\.code) == ["unreadable-file"])
    }
}
