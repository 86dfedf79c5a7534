import NIOPosix

/// What every connection of a server shares: the application's handler, the configuration read once into
/// the forms the hot path wants, and the server-wide registry, counters and log.
struct DICOMConnectionEnvironment: Sendable {
    let handler: any DICOMAssociationHandler
    let configuration: DICOMConfiguration
    let abstractSyntaxes: Set<String>
    let transferSyntaxes: Set<String>
    /// ``DICOMConfiguration/temporaryDirectory`` as a path.
    let temporaryDirectory: String
    let registry: DICOMConnectionRegistry
    let counters: DICOMCounters
    let threadPool: NIOThreadPool
    let log: DICOMLogSink?

    init(
        handler: any DICOMAssociationHandler,
        configuration: DICOMConfiguration,
        registry: DICOMConnectionRegistry,
        counters: DICOMCounters,
        threadPool: NIOThreadPool,
        log: DICOMLogSink?
    ) {
        self.handler = handler
        self.configuration = configuration
        self.abstractSyntaxes = Set(configuration.acceptedAbstractSyntaxes)
        self.transferSyntaxes = Set(configuration.acceptedTransferSyntaxes)
        self.temporaryDirectory = configuration.temporaryDirectory.path
        self.registry = registry
        self.counters = counters
        self.threadPool = threadPool
        self.log = log
    }
}
