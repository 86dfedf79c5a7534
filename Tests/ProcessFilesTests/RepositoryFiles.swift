import Foundation

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

    /// The seed documents, in the `shared/` folder that sits beside the repository (as in CI).
    static var seeds: URL { root.deletingLastPathComponent().appendingPathComponent("shared/seeds") }

    /// A process file by name.
    static func process(_ name: String) -> URL { processes.appendingPathComponent(name) }

    /// A seed document's text.
    static func seed(_ name: String) throws -> String {
        try String(contentsOf: seeds.appendingPathComponent(name), encoding: .utf8)
    }
}
