import NIOCore

/// Limits and hooks of an ``MLLPServer``. Every field has a production default.
public struct MLLPConfiguration: Sendable {
    /// The registered HL7 MLLP port.
    public static let defaultPort = 2575

    /// The largest message accepted; a larger one is answered through
    /// ``MLLPMessageHandler/oversize(prefix:length:connection:)`` and its connection closed. Default 10 MiB.
    public var maximumFrameBytes: Int
    /// How many leading bytes of an oversize message the handler gets. Default 64 KiB.
    public var oversizePrefixBytes: Int
    /// A connection that sends nothing for this long, while no message of it is being handled, is closed.
    /// Senders reconnect on demand, so an idle socket only costs a slot. Default 5 minutes.
    public var idleTimeout: Duration
    /// Connections beyond this many are closed as soon as they are accepted, so a misbehaving peer cannot
    /// exhaust file descriptors. Default 256; a region connects a handful of senders.
    public var maximumConnections: Int
    /// How long ``MLLPServer/shutdown()`` waits for messages being handled to get their ACK written before it
    /// closes their connections anyway. Default 10 seconds.
    public var shutdownGracePeriod: Duration
    /// Runs first on each accepted connection, to put handlers at the front of the pipeline (NIOSSL's
    /// server handler for TLS with client certificates). The MLLP handlers are added after its future succeeds;
    /// a failed future closes the connection.
    public var childChannelInitializer: (@Sendable (any Channel) -> EventLoopFuture<Void>)?

    public init(
        maximumFrameBytes: Int = MLLPFrameDecoder.defaultMaximumFrameBytes,
        oversizePrefixBytes: Int = MLLPFrameDecoder.defaultOversizePrefixBytes,
        idleTimeout: Duration = .seconds(300),
        maximumConnections: Int = 256,
        shutdownGracePeriod: Duration = .seconds(10),
        childChannelInitializer: (@Sendable (any Channel) -> EventLoopFuture<Void>)? = nil
    ) {
        self.maximumFrameBytes = maximumFrameBytes
        self.oversizePrefixBytes = oversizePrefixBytes
        self.idleTimeout = idleTimeout
        self.maximumConnections = maximumConnections
        self.shutdownGracePeriod = shutdownGracePeriod
        self.childChannelInitializer = childChannelInitializer
    }
}
