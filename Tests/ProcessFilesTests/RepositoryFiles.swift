import Foundation
import Testing

/// Where the repository's process files and the shared seed documents are, found from this source file.
enum RepositoryFiles {
    /// The nearest folder above this file's real location that holds both `Package.swift` and `Processes/`.
    static let root: URL = {
        // Resolve symlinks first: a package that links this folder in from elsewhere must still find the
        // repository the file really lives in.
        var folder = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
        while folder.path != "/" {
            let manager = FileManager.default
            if manager.fileExists(atPath: folder.appendingPathComponent("Package.swift").path),
                manager.fileExists(atPath: folder.appendingPathComponent("Processes").path)
            {
                return folder
            }
            folder.deleteLastPathComponent()
        }
        fatalError("No folder with Package.swift and Processes/ above \(#filePath)")
    }()

    /// The repository's `Processes/` folder.
    static var processes: URL { root.appendingPathComponent("Processes") }

    /// The seed documents: `ANSLUT_SEEDS_DIR` when set, else the `shared/seeds` folder beside the repository
    /// (as in CI, whose `.ci/run` sets the variable and checks that the folder is there).
    static let seeds: URL = {
        if let folder = ProcessInfo.processInfo.environment["ANSLUT_SEEDS_DIR"], !folder.isEmpty {
            return URL(fileURLWithPath: folder)
        }
        return root.deletingLastPathComponent().appendingPathComponent("shared/seeds")
    }()

    /// Whether the seed documents are there; the tests that read them are skipped, and say so, when not.
    static var seedsAvailable: Bool {
        FileManager.default.fileExists(atPath: seeds.appendingPathComponent("bfr-anslutning.txt").path)
    }

    /// Why the seed tests were skipped, for the test report.
    static var seedsMissing: Comment {
        "the seed documents are not at \(seeds.path): set ANSLUT_SEEDS_DIR to the folder that holds bfr-anslutning.txt"
    }

    /// A process file by name.
    static func process(_ name: String) -> URL { processes.appendingPathComponent(name) }

    /// A seed document's text.
    static func seed(_ name: String) throws -> String {
        try String(contentsOf: seeds.appendingPathComponent(name), encoding: .utf8)
    }
}
