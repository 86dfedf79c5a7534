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

    /// The DICOM verification profiles of the processes folder, kept as the HL7 ones are.
    func dicomProfiles() throws -> [DICOMProfile] {
        guard let shelf = storage[ProfileShelfKey.self] else {
            return try ProfileShelf(processes: config.processesDirectory).dicomProfiles()
        }
        return try shelf.dicomProfiles()
    }

    /// Called by `configure` once the settings are known.
    func shelveProfiles() {
        storage[ProfileShelfKey.self] = ProfileShelf(processes: config.processesDirectory)
    }
}

/// Profiles read once from `processes`'s profile folders; a folder that fails to load is read again next time,
/// so the error names the file until it is fixed.
private final class ProfileShelf: Sendable {
    private let processes: URL
    private let hl7 = Mutex<[HL7Profile]?>(nil)
    private let dicom = Mutex<[DICOMProfile]?>(nil)

    init(processes: String) {
        self.processes = URL(fileURLWithPath: processes)
    }

    func hl7Profiles() throws -> [HL7Profile] {
        try Self.kept(hl7) { try HL7ProfileLoader.loadFolder(HL7ProfileLoader.folder(in: processes)) }
    }

    func dicomProfiles() throws -> [DICOMProfile] {
        try Self.kept(dicom) { try DICOMProfileLoader.loadFolder(DICOMProfileLoader.folder(in: processes)) }
    }

    private static func kept<Profile: Sendable>(_ shelf: borrowing Mutex<[Profile]?>, load: () throws -> [Profile]) throws -> [Profile] {
        if let profiles = shelf.withLock({ $0 }) { return profiles }
        let profiles = try load()
        shelf.withLock { $0 = profiles }
        return profiles
    }
}
