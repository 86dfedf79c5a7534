import DICOMNetwork
import Foundation
import NIOPosix

/// A fresh directory under the system's temporary directory, removed by ``remove()``.
struct TemporaryDirectory: Sendable {
    let url: URL

    init(_ label: String) throws {
        self.url = FileManager.default.temporaryDirectory.appendingPathComponent("dicomnet-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: self.url, withIntermediateDirectories: true)
    }

    var path: String { self.url.path }

    func subdirectory(_ name: String) throws -> URL {
        let url = self.url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func files(in name: String) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: self.url.appendingPathComponent(name).path)) ?? []
    }

    func remove() {
        try? FileManager.default.removeItem(at: self.url)
    }
}

/// Starts a server on an ephemeral loopback port with its temporary files in `directory/incoming`, runs
/// `body`, and shuts the server down. `DICOMNET_LOG=1 swift test` prints the listener's log lines.
func withDICOMServer<Result: Sendable>(
    handler: some DICOMAssociationHandler,
    directory: TemporaryDirectory,
    configuration: DICOMConfiguration = DICOMConfiguration(),
    _ body: (DICOMServer) async throws -> Result
) async throws -> Result {
    var configuration = configuration
    configuration.temporaryDirectory = directory.url.appendingPathComponent("incoming")
    let server = try await DICOMServer.start(
        host: "127.0.0.1", port: 0, configuration: configuration, handler: handler,
        log: { level, line in if ProcessInfo.processInfo.environment["DICOMNET_LOG"] != nil { print("LOG \(level) \(line)") } })
    do {
        let result = try await body(server)
        await server.shutdown()
        return result
    } catch {
        await server.shutdown()
        throw error
    }
}

/// Whether the calling thread is one of NIO's event loop threads.
func onEventLoopThread() -> Bool {
    MultiThreadedEventLoopGroup.currentEventLoop != nil
}
