import DICOM

/// How an accepted association ended, for the application's log.
public enum AssociationEnd: Sendable, Hashable, CustomStringConvertible {
    /// The peer asked for release and got A-RELEASE-RP.
    case released
    /// The peer sent A-ABORT.
    case abortedByPeer(source: UInt8, reason: UInt8)
    /// The listener sent A-ABORT because the peer broke the protocol; the text says how.
    case abortedForProtocolError(String)
    /// The listener sent A-ABORT after ``DICOMConfiguration/idleTimeout`` without a PDU.
    case abortedAfterIdleTimeout
    /// The listener sent A-ABORT because the server is shutting down.
    case abortedForShutdown
    /// The connection closed without a release or an abort.
    case connectionLost

    public var description: String {
        switch self {
        case .released: "released"
        case .abortedByPeer(let source, let reason): "aborted by the peer (source \(source), reason \(reason))"
        case .abortedForProtocolError(let problem): "aborted: \(problem)"
        case .abortedAfterIdleTimeout: "aborted after the idle timeout"
        case .abortedForShutdown: "aborted for shutdown"
        case .connectionLost: "connection lost"
        }
    }
}
