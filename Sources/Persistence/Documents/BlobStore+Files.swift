import Crypto
import Domain
import Foundation

extension BlobStore {
    /// Moves the finished file at `url` (on the store's file system) into the store under its SHA-256, durably:
    /// the file is flushed to disk before it gets its name and the folder after, so a name that exists after a
    /// crash has all its bytes. Content already there is left as it is (the same bytes) and `url` removed.
    /// `durability` `.processCrash` leaves out both flushes: the rename alone survives anslut being killed (the kernel
    /// has the bytes), not the machine's crash (verification traffic may choose it, `ANSLUT_TRAFFIC_DURABILITY`).
    /// Blocking file work: call it off the event loops.
    public func keepFile(at url: URL, durability: CommitDurability = .powerLoss) throws -> String {
        let descriptor = open(url.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: url.path]) }
        var hasher = SHA256()
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else {
                close(descriptor)
                throw CocoaError(.fileReadUnknown, userInfo: [NSFilePathErrorKey: url.path])
            }
            if count == 0 { break }
            buffer.withUnsafeBytes { hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: $0.prefix(count))) }
        }
        let synced = durability == .processCrash || fsync(descriptor) == 0
        close(descriptor)
        guard synced else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path]) }
        let hash = HexDigits.encode(hasher.finalize())
        try moveIn(url, sha256: hash, durability: durability)
        return hash
    }

    /// `keepFile(at:durability:)` for a file whose SHA-256 the caller computed as it wrote the file (the DICOM
    /// listener does, so the file is not read again while the sender waits for its answer). `sha256` must be the
    /// digest of the file's bytes, lowercase hex: the file is kept under that name unread.
    public func keepFile(at url: URL, sha256: String, durability: CommitDurability = .powerLoss) throws {
        if durability == .powerLoss {
            let descriptor = open(url.path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: url.path]) }
            let synced = fsync(descriptor) == 0
            close(descriptor)
            guard synced else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path]) }
        }
        try moveIn(url, sha256: sha256, durability: durability)
    }

    /// Renames the flushed file at `url` to its place under `sha256` and, for `.powerLoss`, flushes the folder.
    private func moveIn(_ url: URL, sha256 hash: String, durability: CommitDurability) throws {
        let target = self.url(sha256: hash)
        let folder = target.deletingLastPathComponent()
        // Renamed first and the folder made only when it is missing: FileManager's createDirectory, called for
        // every file, stat'ed each level of the path first, 6 % of the DICOM receiver's CPU (BENCHMARKS.md).
        var renamed = rename(url.path, target.path) == 0
        if !renamed, errno == ENOENT {
            // As FileManager makes it (mode 0777 less the umask); the store's root too, when it is missing.
            if mkdir(folder.path, 0o777) != 0, errno == ENOENT {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            }
            renamed = rename(url.path, target.path) == 0
        }
        guard renamed else {
            try? FileManager.default.removeItem(at: url)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: target.path])
        }
        let directory = durability == .powerLoss ? open(folder.path, O_RDONLY | O_CLOEXEC) : -1
        if directory >= 0 {
            defer { close(directory) }
            guard fsync(directory) == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: folder.path]) }
        }
    }

    /// The folder for files on their way in: on the store's file system, so keeping one is a rename.
    public var incoming: URL { root.appendingPathComponent(".incoming") }
}
