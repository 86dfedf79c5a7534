import DICOM
import Foundation
import NIOCore

/// Limits, syntaxes and timeouts of a ``DICOMServer``. Every field has a production default.
public struct DICOMConfiguration: Sendable {
    /// The port DICOM listeners commonly use besides the privileged 104 (reference.md 9.3).
    public static let defaultPort = 11112
    /// See ``maximumPDULength``.
    public static let defaultMaximumPDULength = 1 << 20

    /// The AE title senders must call; another is rejected (permanent, service-user, called AE title not
    /// recognised) before the handler is asked. Default `ANSLUT`.
    public var calledAETitle: String
    /// The SOP classes whose presentation contexts are accepted; others are answered "abstract syntax not
    /// supported". Default ``defaultAbstractSyntaxes``.
    public var acceptedAbstractSyntaxes: [String]
    /// The transfer syntaxes accepted, stored as received: nothing is transcoded. A context none of whose
    /// proposed syntaxes is here is answered "transfer syntaxes not supported". Default
    /// ``defaultTransferSyntaxes``.
    public var acceptedTransferSyntaxes: [String]
    /// The largest P-DATA-TF this side receives, announced in A-ASSOCIATE-AC; a larger PDU is refused with
    /// A-ABORT. Each association holds about three PDUs in memory at most (one being assembled from the
    /// socket, one queued for the disk, one being written), so this is also the memory bound per
    /// association. Default 1 MiB: a 512x512 16-bit CT slice arrives in a single PDU and so in one disk write,
    /// and 32 busy associations still hold under 100 MiB.
    public var maximumPDULength: Int
    /// ARTIM (PS3.8 9.1.5): how long a new connection may take to send A-ASSOCIATE-RQ, and how long the
    /// peer may keep the connection open after the listener sent A-ASSOCIATE-RJ, A-RELEASE-RP or A-ABORT.
    /// The connection is closed when it runs out. Default 30 seconds.
    public var artimTimeout: Duration
    /// An established association that sends no PDU for this long, while no object of it is being stored,
    /// is aborted. Senders open associations on demand, so an idle one only costs a slot. Default 5 minutes.
    public var idleTimeout: Duration
    /// Associations beyond this many at once are rejected (transient, service-provider presentation,
    /// local limit exceeded) before the handler is asked. Default 32.
    public var maximumAssociations: Int
    /// Connections beyond this many are closed as soon as they are accepted, without reading, so that
    /// sockets that never associate cannot exhaust file descriptors. Default 64: room for the rejections of
    /// senders that try while ``maximumAssociations`` are busy.
    public var maximumConnections: Int
    /// How long ``DICOMServer/shutdown()`` waits for objects being received or stored to be answered before
    /// it closes their connections anyway. Default 10 seconds.
    public var shutdownGracePeriod: Duration
    /// Where objects are written while they arrive; created if missing. Put it on the file system where
    /// the handler keeps objects, so that keeping one is a rename. Default: the system's temporary directory.
    public var temporaryDirectory: URL

    public init(
        calledAETitle: String = "ANSLUT",
        acceptedAbstractSyntaxes: [String] = DICOMConfiguration.defaultAbstractSyntaxes.map(\.uid),
        acceptedTransferSyntaxes: [String] = DICOMConfiguration.defaultTransferSyntaxes.map(\.uid),
        maximumPDULength: Int = DICOMConfiguration.defaultMaximumPDULength,
        artimTimeout: Duration = .seconds(30),
        idleTimeout: Duration = .seconds(300),
        maximumAssociations: Int = 32,
        maximumConnections: Int = 64,
        shutdownGracePeriod: Duration = .seconds(10),
        temporaryDirectory: URL = FileManager.default.temporaryDirectory
    ) {
        self.calledAETitle = calledAETitle
        self.acceptedAbstractSyntaxes = acceptedAbstractSyntaxes
        self.acceptedTransferSyntaxes = acceptedTransferSyntaxes
        self.maximumPDULength = maximumPDULength
        self.artimTimeout = artimTimeout
        self.idleTimeout = idleTimeout
        self.maximumAssociations = maximumAssociations
        self.maximumConnections = maximumConnections
        self.shutdownGracePeriod = shutdownGracePeriod
        self.temporaryDirectory = temporaryDirectory
    }
}
