import Foundation
import NIOCore
import NIOPosix

/// A TCP listener for DICOM (SCP for C-ECHO and C-STORE): accepts associations that the
/// ``DICOMAssociationHandler`` admits, writes each received object to a Part 10 file, hands it to the
/// handler and answers with the status the handler returns.
///
/// Pipeline of each connection, front to back: `IdleStateHandler`, ``PDUFrameDecoder``, then the handler
/// that runs the association. Nothing on the event loops blocks: files are written on NIO's thread pool
/// and the application's handler runs in tasks.
///
/// On SIGTERM, call ``shutdown()`` and await it before closing what the handler writes to, so that every
/// status already sent is backed by a stored object.
public final class DICOMServer: Sendable {
    /// The port the listener is bound to; the real one when it was started on port 0.
    public let localPort: Int

    private let serverChannel: any Channel
    private let registry: DICOMConnectionRegistry
    private let counters: DICOMCounters
    private let shutdownGracePeriod: Duration
    private let log: DICOMLogSink?

    /// Totals since start, for metrics.
    public var statistics: DICOMStatistics {
        self.counters.snapshot
    }

    private init(
        serverChannel: any Channel,
        registry: DICOMConnectionRegistry,
        counters: DICOMCounters,
        shutdownGracePeriod: Duration,
        log: DICOMLogSink?
    ) {
        self.serverChannel = serverChannel
        self.localPort = serverChannel.localAddress?.port ?? 0
        self.registry = registry
        self.counters = counters
        self.shutdownGracePeriod = shutdownGracePeriod
        self.log = log
    }

    /// Creates the temporary directory if needed, binds the listener and starts accepting associations.
    ///
    /// - Parameters:
    ///   - host: The address to bind, such as `"0.0.0.0"` or `"127.0.0.1"`.
    ///   - port: The TCP port; 0 asks the system for a free one (tests), read it back from ``localPort``.
    ///   - group: The event loops for the sockets. The handler never runs on them.
    ///   - threadPool: Where files are written. Defaults to NIO's shared blocking pool.
    ///   - log: Receives the listener's log lines; `nil` drops them.
    public static func start(
        host: String,
        port: Int = DICOMConfiguration.defaultPort,
        configuration: DICOMConfiguration = DICOMConfiguration(),
        handler: some DICOMAssociationHandler,
        group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        threadPool: NIOThreadPool = .singleton,
        log: DICOMLogSink? = nil
    ) async throws -> DICOMServer {
        try FileManager.default.createDirectory(at: configuration.temporaryDirectory, withIntermediateDirectories: true)
        let registry = DICOMConnectionRegistry(
            maximumConnections: configuration.maximumConnections,
            maximumAssociations: configuration.maximumAssociations)
        let counters = DICOMCounters()
        let environment = DICOMConnectionEnvironment(
            handler: handler, configuration: configuration, registry: registry, counters: counters,
            threadPool: threadPool, log: log)
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                Self.initializeConnection(channel, environment: environment)
            }
        let serverChannel = try await bootstrap.bind(host: host, port: port).get()
        let server = DICOMServer(
            serverChannel: serverChannel,
            registry: registry,
            counters: counters,
            shutdownGracePeriod: configuration.shutdownGracePeriod,
            log: log
        )
        log?(.info, "DICOM listener \(configuration.calledAETitle) bound to \(host):\(server.localPort)")
        return server
    }

    /// Stops accepting, lets each association finish the message it is receiving or answering, then aborts
    /// it. Connections still busy after ``DICOMConfiguration/shutdownGracePeriod`` are closed anyway; their
    /// unanswered objects are removed and their senders send them again. Returns once every connection is
    /// closed and no handler call or file clean-up is running.
    public func shutdown() async {
        let open = self.registry.drain()
        self.log?(.info, "DICOM listener on port \(self.localPort) stopping, \(open.count) connections open")
        try? await self.serverChannel.close()
        for channel in open {
            channel.pipeline.fireUserInboundEventTriggered(DICOMConnectionHandler.Drain())
        }
        let deadline = self.serverChannel.eventLoop.scheduleTask(in: TimeAmount(self.shutdownGracePeriod)) {
            for channel in open {
                channel.close(promise: nil)
            }
        }
        for channel in open {
            try? await channel.closeFuture.get()
        }
        deadline.cancel()
        await self.registry.waitForWork()
        self.log?(.info, "DICOM listener on port \(self.localPort) stopped")
    }

    private static func initializeConnection(
        _ channel: any Channel, environment: DICOMConnectionEnvironment
    ) -> EventLoopFuture<Void> {
        let host = channel.remoteAddress?.ipAddress ?? "unknown"
        let port = channel.remoteAddress?.port ?? 0
        let registry = environment.registry
        let counters = environment.counters
        let log = environment.log
        guard let id = registry.admit(channel) else {
            counters.update { $0.refusedConnections += 1 }
            log?(.warning, "DICOM connection from \(host):\(port) refused: listener full or stopping")
            return channel.eventLoop.makeFailedFuture(DICOMConnectionRefused())
        }
        let peer = DICOMPeer(connectionID: id, host: host, port: port)
        counters.update { $0.openConnections += 1 }
        log?(.debug, "DICOM connection \(peer) opened")
        channel.closeFuture.whenComplete { _ in
            registry.remove(id)
            counters.update { $0.openConnections -= 1 }
            log?(.debug, "DICOM connection \(peer) closed")
        }
        return channel.eventLoop.makeCompletedFuture {
            try channel.pipeline.syncOperations.addHandlers([
                IdleStateHandler(readTimeout: TimeAmount(environment.configuration.idleTimeout)),
                ByteToMessageHandler(PDUFrameDecoder(maximumDataLength: environment.configuration.maximumPDULength)),
                DICOMConnectionHandler(environment: environment, peer: peer),
            ])
        }
    }
}

/// Fails the initializer of a connection over ``DICOMConfiguration/maximumConnections``, which closes it.
struct DICOMConnectionRefused: Error {}
