import NIOCore
import NIOPosix

/// A TCP listener for HL7 v2 over MLLP: accepts connections, frames messages, passes each to an
/// ``MLLPMessageHandler`` and writes back the answer it returns.
///
/// Pipeline of each connection, front to back: the optional ``MLLPConfiguration/childChannelInitializer``
/// handlers (TLS), `IdleStateHandler`, ``MLLPFrameDecoder``, ``MLLPFrameEncoder``, then the handler that runs
/// the ``MLLPMessageHandler`` off the event loop. Nothing on the event loops blocks.
///
/// On SIGTERM, call ``shutdown()`` and await it before closing the databases that the message handler
/// writes to, so that every ACK already promised is backed by a stored message.
public final class MLLPServer: Sendable {
    /// The port the listener is bound to; the real one when it was started on port 0.
    public let localPort: Int

    private let serverChannel: any Channel
    private let registry: MLLPConnectionRegistry
    private let counters: MLLPCounters
    private let shutdownGracePeriod: Duration
    private let log: MLLPLogSink?

    /// Totals since start, for metrics.
    public var statistics: MLLPStatistics {
        self.counters.snapshot
    }

    private init(
        serverChannel: any Channel,
        registry: MLLPConnectionRegistry,
        counters: MLLPCounters,
        shutdownGracePeriod: Duration,
        log: MLLPLogSink?
    ) {
        self.serverChannel = serverChannel
        self.localPort = serverChannel.localAddress?.port ?? 0
        self.registry = registry
        self.counters = counters
        self.shutdownGracePeriod = shutdownGracePeriod
        self.log = log
    }

    /// Binds the listener and starts accepting connections.
    ///
    /// - Parameters:
    ///   - host: The address to bind, such as `"0.0.0.0"` or `"127.0.0.1"`.
    ///   - port: The TCP port; 0 asks the system for a free one (tests), read it back from ``localPort``.
    ///   - group: The event loops for the sockets. The handler never runs on them.
    ///   - log: Receives the listener's log lines; `nil` drops them.
    public static func start(
        host: String,
        port: Int = MLLPConfiguration.defaultPort,
        configuration: MLLPConfiguration = MLLPConfiguration(),
        handler: some MLLPMessageHandler,
        group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        log: MLLPLogSink? = nil
    ) async throws -> MLLPServer {
        let registry = MLLPConnectionRegistry(maximumConnections: configuration.maximumConnections)
        let counters = MLLPCounters()
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            // A sender may half-close after its last message; its ACK must still go out.
            .childChannelOption(.allowRemoteHalfClosure, value: true)
            .childChannelInitializer { channel in
                Self.initializeConnection(
                    channel,
                    handler: handler,
                    configuration: configuration,
                    registry: registry,
                    counters: counters,
                    log: log
                )
            }
        let serverChannel = try await bootstrap.bind(host: host, port: port).get()
        let server = MLLPServer(
            serverChannel: serverChannel,
            registry: registry,
            counters: counters,
            shutdownGracePeriod: configuration.shutdownGracePeriod,
            log: log
        )
        log?(.info, "MLLP listener bound to \(host):\(server.localPort)")
        return server
    }

    /// Stops accepting, lets messages being handled finish and their answers be written, then closes every
    /// connection. Connections still busy after ``MLLPConfiguration/shutdownGracePeriod`` are closed anyway.
    /// Frames received but not yet handled are dropped unanswered, so their senders resend them.
    public func shutdown() async {
        let open = self.registry.drain()
        self.log?(.info, "MLLP listener on port \(self.localPort) stopping, \(open.count) connections open")
        try? await self.serverChannel.close()
        for channel in open {
            channel.pipeline.fireUserInboundEventTriggered(MLLPConnectionHandler.Drain())
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
        self.log?(.info, "MLLP listener on port \(self.localPort) stopped")
    }

    private static func initializeConnection(
        _ channel: any Channel,
        handler: some MLLPMessageHandler,
        configuration: MLLPConfiguration,
        registry: MLLPConnectionRegistry,
        counters: MLLPCounters,
        log: MLLPLogSink?
    ) -> EventLoopFuture<Void> {
        let remoteHost = channel.remoteAddress?.ipAddress ?? "unknown"
        let remotePort = channel.remoteAddress?.port ?? 0
        guard let id = registry.admit(channel) else {
            counters.update { $0.refusedConnections += 1 }
            log?(.warning, "MLLP connection from \(remoteHost):\(remotePort) refused: listener full or stopping")
            return channel.eventLoop.makeFailedFuture(MLLPConnectionRefused())
        }
        let connection = MLLPConnectionInfo(
            id: id,
            remoteHost: remoteHost,
            remotePort: remotePort,
            localPort: channel.localAddress?.port ?? 0
        )
        counters.update {
            $0.acceptedConnections += 1
            $0.openConnections += 1
        }
        log?(.debug, "MLLP connection \(connection) opened")
        channel.closeFuture.whenComplete { _ in
            registry.remove(id)
            counters.update { $0.openConnections -= 1 }
            log?(.debug, "MLLP connection \(connection) closed")
        }
        let front = configuration.childChannelInitializer?(channel) ?? channel.eventLoop.makeSucceededVoidFuture()
        return front.hop(to: channel.eventLoop).flatMapThrowing {
            try channel.pipeline.syncOperations.addHandlers([
                IdleStateHandler(readTimeout: TimeAmount(configuration.idleTimeout)),
                ByteToMessageHandler(
                    MLLPFrameDecoder(
                        maximumFrameBytes: configuration.maximumFrameBytes,
                        oversizePrefixBytes: configuration.oversizePrefixBytes
                    )
                ),
                MessageToByteHandler(MLLPFrameEncoder()),
                MLLPConnectionHandler(
                    messageHandler: handler,
                    connection: connection,
                    counters: counters,
                    log: log
                ),
            ])
        }
    }
}

/// Fails the initializer of a connection over ``MLLPConfiguration/maximumConnections``, which closes it.
struct MLLPConnectionRefused: Error {}
