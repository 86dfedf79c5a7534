#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DICOMNetwork
import Foundation
import NIOPosix

// The listener for Benchmarks/dicom-net/run.sh: accepts every association and keeps every object durably,
// as Anslut must: fsync the file, rename it into the folder, fsync the folder, and only then answer 0000.
// With --no-fsync it only renames, which is the work storescp does, to show the listener's own cost apart
// from the disk's flushes.
//   dicom-net-bench [--no-fsync] FOLDER
// Prints `port N` once listening (on an ephemeral port of 127.0.0.1), then serves until the script ends it.

/// Keeps each object as `FOLDER/<SOP instance UID>.dcm`, on NIO's blocking pool so the cooperative
/// threads never wait for the disk.
struct DurableFolderHandler: DICOMAssociationHandler {
    let folder: String
    let syncs: Bool

    func admit(_ request: AssociationRequest) async -> AssociationDecision {
        .accept
    }

    func store(_ object: ReceivedObject) async -> DIMSEStatus {
        let source = object.fileURL.path
        let destination = "\(self.folder)/\(object.sopInstanceUID).dcm"
        let folder = self.folder
        let syncs = self.syncs
        do {
            try await NIOThreadPool.singleton.runIfActive {
                if syncs { try Self.sync(path: source) }
                guard rename(source, destination) == 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
                if syncs { try Self.sync(path: folder) }
            }
            return .success
        } catch {
            return DIMSEStatus.outOfResources.withComment("\(error)")
        }
    }

    private static func sync(path: String) throws {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
    }
}

let arguments = CommandLine.arguments.dropFirst()
let syncs = arguments.first != "--no-fsync"
guard let folder = arguments.last, arguments.count == (syncs ? 1 : 2) else {
    print("usage: dicom-net-bench [--no-fsync] FOLDER")
    exit(2)
}
try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
let configuration = DICOMConfiguration(temporaryDirectory: URL(fileURLWithPath: folder).appendingPathComponent(".incoming"))
let server = try await DICOMServer.start(
    host: "127.0.0.1", port: 0, configuration: configuration, handler: DurableFolderHandler(folder: folder, syncs: syncs))
announce("port \(server.localPort)")
// Runs until run.sh ends the process.
while true {
    try await Task.sleep(for: .seconds(3600))
}

/// Writes `line` to standard output at once: run.sh reads it while this process keeps running, and `print` to
/// a file is buffered until exit.
func announce(_ line: String) {
    let bytes = Array((line + "\n").utf8)
    _ = bytes.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
}
