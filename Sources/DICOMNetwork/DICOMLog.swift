/// How important a listener log line is; maps onto any logging library's levels.
public enum DICOMLogLevel: Sendable, Hashable {
    /// Per-association lifecycle: connected, accepted, released, each object stored.
    case debug
    /// Listener lifecycle: bound, shutting down, stopped.
    case info
    /// Something a peer did wrong or a limit was hit: rejection, abort, timeout, a store that failed.
    case warning
}

/// Receives the listener's log lines. The listener takes a closure instead of a logging library so that the
/// target depends on SwiftNIO and `DICOM` alone; the application forwards the lines to its own logger.
public typealias DICOMLogSink = @Sendable (DICOMLogLevel, String) -> Void
