import NIOConcurrencyHelpers

/// Running totals of one ``MLLPServer`` since it started, for metrics. A snapshot: read it again for new values.
public struct MLLPStatistics: Sendable, Hashable {
    /// Connections open now.
    public var openConnections = 0
    /// Connections accepted and kept (not counting refused ones).
    public var acceptedConnections = 0
    /// Connections closed at once because ``MLLPConfiguration/maximumConnections`` were open.
    public var refusedConnections = 0
    /// Frames handed to the handler.
    public var frames = 0
    /// Message bytes in those frames (framing bytes not counted).
    public var frameBytes = 0
    /// Non-empty answers written back.
    public var answers = 0
    /// Frames over the size limit.
    public var oversizeFrames = 0
    /// Bytes outside any frame, dropped.
    public var discardedBytes = 0
    /// Connections closed for being silent longer than ``MLLPConfiguration/idleTimeout``.
    public var idleCloses = 0

    public init() {}
}

/// The shared, lock-protected totals that every connection of a server updates.
final class MLLPCounters: Sendable {
    private let totals = NIOLockedValueBox(MLLPStatistics())

    var snapshot: MLLPStatistics {
        self.totals.withLockedValue { $0 }
    }

    func update(_ change: (inout MLLPStatistics) -> Void) {
        self.totals.withLockedValue { change(&$0) }
    }
}
