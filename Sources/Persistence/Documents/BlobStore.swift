import Foundation

/// Files kept by their content: `<root>/ab/cd/<sha256>`, so the same content is stored once and a name says
/// what must be in the file.
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

    /// Where the content with this hash is (or would be) kept.
    public func url(sha256: String) -> URL {
        root.appendingPathComponent(String(sha256.prefix(2)))
            .appendingPathComponent(String(sha256.dropFirst(2).prefix(2)))
            .appendingPathComponent(sha256)
    }

    /// Whether the content with this hash is there.
    public func contains(sha256: String) -> Bool {
        FileManager.default.fileExists(atPath: url(sha256: sha256).path)
    }
}
