import Persistence
import Vapor

/// Sets up an application: commands, routes and the migrations list. Nothing here opens the database;
/// the commands that need one call `prepareStorage()`, so `anslut id` works without any.
public func configure(_ app: Application, config: AppConfig) throws {
    app.config = config
    // The blocking work of the process (every SQLite statement through the driver, the DICOM listener's file
    // writes, the flushes of kept objects) runs on this pool. NIO's shared one has a thread per core, two here: a
    // flush holds its thread while the disk works, so a few flushing associations or transactions left every
    // other statement queued behind them, and under a loaded test run an association's admission (a few reads)
    // waited past dcmtk's 30 s timeout. Waiting on the disk costs a thread, not a core.
    app.threadPool = NIOThreadPool(numberOfThreads: blockingThreads)
    app.shelveProfiles()
    _ = MetricsRegistry.shared
    app.asyncCommands.use(AnslutServeCommand(), as: "serve", isDefault: true)
    app.asyncCommands.use(AnslutMigrateCommand(), as: "migrate")
    app.asyncCommands.use(AuditCommands(), as: "audit")
    app.asyncCommands.use(IdentifierCommand(), as: "id")
    app.asyncCommands.use(HL7Commands(), as: "hl7")
    app.asyncCommands.use(DICOMCommands(), as: "dicom")
    app.asyncCommands.use(UserCommands(), as: "user")
    app.asyncCommands.use(ProcessCommands(), as: "process")
    app.asyncCommands.use(DemoCommand(), as: "demo")

    let encoder = JSONEncoder()
    encoder.dateEncodingStrategy = .iso8601
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .iso8601
    ContentConfiguration.global.use(encoder: encoder, for: .json)
    ContentConfiguration.global.use(decoder: decoder, for: .json)
    // Ours replace Vapor's error middleware: under /api every error becomes an RFC 9457 problem, elsewhere
    // an HTML page.
    app.middleware = Middlewares()
    app.middleware.use(HeaderGuard())
    app.middleware.use(RouteLoggingMiddleware(logLevel: .info))
    app.middleware.use(ProblemMiddleware())
    app.middleware.use(PagesOnly(PageMiddleware()))
    app.passwords.use(.bcrypt)

    routes(app)
}

/// Threads for blocking work (see `configure`).
let blockingThreads = max(8, 2 * System.coreCount)
