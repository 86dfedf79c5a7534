@_exported import StorageTestSupport
import Foundation
import Persistence
import Vapor
import Web

/// Runs `body` with a fresh, configured and migrated application on its own database: a new SQLite file in
/// a new folder, or, when `DATABASE_URL` names a PostgreSQL server, a new database on it. Everything is
/// removed afterwards, so tests may run in parallel and leave nothing behind. `adjust` changes the settings
/// (an upload limit, say) before the application is configured.
@discardableResult
public func withTestApp<T: Sendable>(
    migrate: Bool = true, adjust: @Sendable (inout AppConfig) -> Void = { _ in },
    _ body: @Sendable (Application) async throws -> T
) async throws -> T {
    let folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("anslut-test-\(UUID().uuidString)").path
    let database = try await TestDatabase.create()
    let app = try await Application.make(.testing)
    app.logger.logLevel = .warning
    do {
        var config = AppConfig(dataDirectory: folder, databaseURL: database.url, processesDirectory: processesFolder)
        adjust(&config)
        try configure(app, config: config)
        try await app.prepareStorage(migrate: migrate)
        let result = try await body(app)
        try await app.asyncShutdown()
        try await database.drop()
        try? FileManager.default.removeItem(atPath: folder)
        return result
    } catch {
        try? await app.asyncShutdown()
        try? await database.drop()
        try? FileManager.default.removeItem(atPath: folder)
        throw error
    }
}

