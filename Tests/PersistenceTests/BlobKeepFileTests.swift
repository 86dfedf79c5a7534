import Crypto
import Domain
import Foundation
import Persistence
import Testing

@Suite("Keeping a received file under its SHA-256")
struct BlobKeepFileTests {
    @Test("with and without the flushes, the file is kept under its hash with its bytes, and a second copy is not kept twice",
          arguments: CommitDurability.allCases)
    func keep(durability: CommitDurability) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("blobs-\(UUID())")
        defer { try? FileManager.default.removeItem(at: root) }
        let store = BlobStore(root: root)
        try FileManager.default.createDirectory(at: store.incoming, withIntermediateDirectories: true)
        let bytes = Data((0..<100_000).map { UInt8(truncatingIfNeeded: $0 * 7) })
        for copy in 0..<2 {
            let file = store.incoming.appendingPathComponent("object-\(copy)")
            try bytes.write(to: file)
            let hash = try store.keepFile(at: file, durability: durability)
            #expect(hash == HexDigits.encode(SHA256.hash(data: bytes)))
            #expect(try Data(contentsOf: store.url(sha256: hash)) == bytes)
            #expect(!FileManager.default.fileExists(atPath: file.path), "the incoming file is moved away")
        }
    }

    @Test("a file whose hash its writer computed is kept under that hash without being read again",
          arguments: CommitDurability.allCases)
    func keepHashed(durability: CommitDurability) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("blobs-\(UUID())")
        defer { try? FileManager.default.removeItem(at: root) }
        let store = BlobStore(root: root)
        try FileManager.default.createDirectory(at: store.incoming, withIntermediateDirectories: true)
        let bytes = Data((0..<100_000).map { UInt8(truncatingIfNeeded: $0 * 11) })
        let hash = HexDigits.encode(SHA256.hash(data: bytes))
        for copy in 0..<2 {
            let file = store.incoming.appendingPathComponent("object-\(copy)")
            try bytes.write(to: file)
            try store.keepFile(at: file, sha256: hash, durability: durability)
            #expect(try Data(contentsOf: store.url(sha256: hash)) == bytes)
            #expect(!FileManager.default.fileExists(atPath: file.path), "the incoming file is moved away")
        }
    }
}
