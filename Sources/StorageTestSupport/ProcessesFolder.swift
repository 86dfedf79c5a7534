import Foundation

/// The repository's `Processes/` folder, found from this file so tests may run from any folder.
public let processesFolder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Processes").path
