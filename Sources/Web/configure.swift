import Persistence
import Vapor

/// Sets up an application: commands, routes and the migrations list. Nothing here opens the database;
/// the commands that need one call `prepareStorage()`, so `anslut id` works without any.
public func configure(_ app: Application, config: AppConfig) throws {
    app.config = config
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
