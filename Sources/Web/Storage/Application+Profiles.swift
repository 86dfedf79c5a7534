import Domain
import Foundation
import ProcessFiles
import Synchronization
import Vapor

extension Application {
    private struct ProfileShelfKey: StorageKey { typealias Value = ProfileShelf }

    /// The verification profiles of the processes folder, read on first use and kept: the listener, the pages,
    /// the API and the commands all check against the same values, and no request reads the folder again.
    func hl7Profiles() throws -> [HL7Profile] {
        guard let shelf = storage[ProfileShelfKey.self] else {
            // Set in `configure`, before requests or commands run; a bare Application reads the folder each time.
            return try ProfileShelf(processes: config.processesDirectory).hl7Profiles()
        }
        return try shelf.hl7Profiles()
    }

    /// Called by `configure` once the settings are known.
    func shelveProfiles() {
        storage[ProfileShelfKey.self] = ProfileShelf(processes: config.processesDirectory)
    }
}

/// Profiles read once from `processes`'s profile folder; a folder that fails to load is read again next time,
/// so the error names the file until it is fixed.
private final class ProfileShelf: Sendable {
    private let folder: URL
    private let loaded = Mutex<[HL7Profile]?>(nil)

    init(processes: String) {
        folder = HL7ProfileLoader.folder(in: URL(fileURLWithPath: processes))
    }

    func hl7Profiles() throws -> [HL7Profile] {
        if let profiles = loaded.withLock({ $0 }) { return profiles }
        let profiles = try HL7ProfileLoader.loadFolder(folder)
        loaded.withLock { $0 = profiles }
        return profiles
    }
}
