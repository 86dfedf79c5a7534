import Crypto
import Domain
import Foundation

/// Files kept by their content: `<root>/ab/cd/<sha256>`, so the same content is stored once and a name says
/// what must be in the file.
///
/// A file is written to a temporary name in its final folder and then renamed, so a reader never sees half a
/// file. PostgreSQL deployments with several instances put the data folder on a shared volume.
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

    /// The lower-case hex SHA-256 of `data`.
    public static func sha256(_ data: Data) -> String {
        HexDigits.encode(SHA256.hash(data: data))
    }

    /// Stores `data` (once per content) and returns its hash.
    @discardableResult
    public func store(_ data: Data, sha256 hash: String? = nil) throws -> String {
        let hash = hash ?? Self.sha256(data)
        let target = url(sha256: hash)
        let files = FileManager.default
        if files.fileExists(atPath: target.path) { return hash }
        let folder = target.deletingLastPathComponent()
        try files.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent(".\(hash).\(UUID().uuidString).tmp")
        do {
            try data.write(to: temporary)
            // rename(2) replaces atomically; a writer that got there first wrote the same bytes.
            guard rename(temporary.path, target.path) == 0 else { throw CocoaError(.fileWriteUnknown) }
        } catch {
            try? files.removeItem(at: temporary)
            throw error
        }
        return hash
    }

    /// Whether the content with this hash is there.
    public func contains(sha256: String) -> Bool {
        FileManager.default.fileExists(atPath: url(sha256: sha256).path)
    }
}
