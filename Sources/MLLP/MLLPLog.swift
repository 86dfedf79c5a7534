/// How important a listener log line is; maps onto any logging library's levels.
public enum MLLPLogLevel: Sendable, Hashable {
    /// Per-connection lifecycle: accepted, closed.
    case debug
    /// Listener lifecycle: bound, shutting down, stopped.
    case info
    /// Something a sender did wrong or a limit was hit: oversize frame, idle close, connection refused.
    case warning
}

/// Receives the listener's log lines. The listener takes a closure instead of a logging library so that the
/// target depends on SwiftNIO alone; the application forwards the lines to its own logger.
public typealias MLLPLogSink = @Sendable (MLLPLogLevel, String) -> Void
