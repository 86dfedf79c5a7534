import NIOConcurrencyHelpers

/// Running totals of one ``DICOMServer`` since it started, for metrics. A snapshot: read it again for new values.
public struct DICOMStatistics: Sendable, Hashable {
    /// Connections open now.
    public var openConnections = 0
    /// Connections closed at once because ``DICOMConfiguration/maximumConnections`` were open.
    public var refusedConnections = 0
    /// Associations accepted (A-ASSOCIATE-AC sent).
    public var associationsAccepted = 0
    /// Associations rejected (A-ASSOCIATE-RJ sent), by the listener or by the handler.
    public var associationsRejected = 0
    /// Of those, rejected because ``DICOMConfiguration/maximumAssociations`` were open.
    public var associationsOverLimit = 0
    /// Associations that ended in A-RELEASE-RP.
    public var associationsReleased = 0
    /// Connections that ended with an A-ABORT, sent or received, before or after association.
    public var associationsAborted = 0
    /// C-ECHO requests answered.
    public var echoes = 0
    /// Objects the handler answered with success or a warning.
    public var objectsStored = 0
    /// C-STORE requests answered with a failure, by the handler or by the listener.
    public var storeFailures = 0
    /// Data set bytes received in C-STORE requests (what went to disk after the file meta information).
    public var dataSetBytes = 0
    /// Connections closed after an ARTIM or idle timeout.
    public var timeouts = 0

    public init() {}
}

/// The shared, lock-protected totals that every connection of a server updates.
final class DICOMCounters: Sendable {
    private let totals = NIOLockedValueBox(DICOMStatistics())

    var snapshot: DICOMStatistics {
        self.totals.withLockedValue { $0 }
    }

    func update(_ change: (inout DICOMStatistics) -> Void) {
        self.totals.withLockedValue { change(&$0) }
    }
}
