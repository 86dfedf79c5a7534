import Foundation

/// Files kept by their content: `<root>/ab/<sha256>`, so the same content is stored once and a name says what must
/// be in the file.
///
/// One level of 256 folders, all made after the first few hundred files: the two levels before
/// (`<root>/ab/cd/<sha256>`) made a new folder for almost every file of a young store, and the DICOM receiver's
/// objects each paid a directory's inode (BENCHMARKS.md, DICOM receiving over the network). Files kept in the old
/// layout stay where they are and are found there (``existingURL(sha256:)``).
///
/// Content comes in through `BlobUpload`: written to a temporary file under the store, then renamed, so a
/// reader never sees half a file. PostgreSQL deployments with several instances put the data folder on a shared volume.
public struct BlobStore: Sendable {
    public let root: URL

    public init(root: URL) {
        self.root = root
    }

    /// The store under a data folder: `<dataDirectory>/blobs`.
    public init(dataDirectory: String) {
        self.init(root: URL(fileURLWithPath: dataDirectory).appendingPathComponent("blobs"))
    }

    /// Where the content with this hash is kept from now on.
    public func url(sha256: String) -> URL {
        root.appendingPathComponent(String(sha256.prefix(2))).appendingPathComponent(sha256)
    }

    /// Where the content with this hash is: its place, or its place in the old two-level layout; nil when it is in
    /// neither.
    public func existingURL(sha256: String) -> URL? {
        let current = url(sha256: sha256)
        if FileManager.default.fileExists(atPath: current.path) { return current }
        let old = root.appendingPathComponent(String(sha256.prefix(2)))
            .appendingPathComponent(String(sha256.dropFirst(2).prefix(2))).appendingPathComponent(sha256)
        return FileManager.default.fileExists(atPath: old.path) ? old : nil
    }

    /// Whether the content with this hash is there.
    public func contains(sha256: String) -> Bool {
        existingURL(sha256: sha256) != nil
    }
}
