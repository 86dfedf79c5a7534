import Crypto
import Domain
import Foundation

/// Content arriving in pieces on its way into a `BlobStore`: each piece is hashed and written to a temporary
/// file under the store as it comes, so nothing holds the whole content; `keep()` moves the file to the name
/// its hash gives, `discard()` removes it. Blocking file work: call it off the event loops. Used by one task
/// at a time.
public final class BlobUpload: @unchecked Sendable {
    private let blobs: BlobStore
    private let temporary: URL
    private let file: FileHandle
    private var hasher = SHA256()
    private var finished = false

    /// How many bytes have come so far.
    public private(set) var size = 0

    /// Starts a temporary file in the store's folder for incoming content (same file system, so `keep()` is a
    /// rename).
    public init(into blobs: BlobStore) throws {
        self.blobs = blobs
        let folder = blobs.root.appendingPathComponent(".incoming")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        temporary = folder.appendingPathComponent("\(UUID().uuidString).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: temporary.path])
        }
        file = try FileHandle(forWritingTo: temporary)
    }

    deinit {
        if !finished { discard() }
    }

    /// Hashes and writes the next piece.
    public func append(_ piece: [UInt8]) throws {
        precondition(!finished, "append after keep or discard")
        hasher.update(data: piece)
        try file.write(contentsOf: piece)
        size += piece.count
    }

    /// Moves the content into the store under its hash and returns the hash. Content already there is left as it
    /// is (it is the same bytes).
    public func keep() throws -> String {
        precondition(!finished, "keep after keep or discard")
        finished = true
        try file.close()
        let hash = HexDigits.encode(hasher.finalize())
        let target = blobs.url(sha256: hash)
        do {
            try FileManager.default.createDirectory(
                at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            // rename(2) replaces atomically; a writer that got there first wrote the same bytes.
            guard rename(temporary.path, target.path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: target.path])
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
        return hash
    }

    /// Removes what has come; nothing is stored.
    public func discard() {
        guard !finished else { return }
        finished = true
        try? file.close()
        try? FileManager.default.removeItem(at: temporary)
    }
}
