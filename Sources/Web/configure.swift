import Fluent
import Persistence
import Vapor

/// Sets up an application: commands, routes and the migrations list. Nothing here opens the database;
/// the commands that need one call `prepareStorage()`, so `anslut id` works without any.
public func configure(_ app: Application, config: AppConfig) throws {
    app.config = config
    _ = MetricsRegistry.shared
    app.migrations.add(AnslutMigrations.all)

    // After `app.migrations`, which registers Fluent's interactive `migrate`, so ours replaces it.
    app.asyncCommands.use(AnslutServeCommand(), as: "serve", isDefault: true)
    app.asyncCommands.use(AnslutMigrateCommand(), as: "migrate")
    app.asyncCommands.use(AuditCommands(), as: "audit")

    routes(app)
}
