import Fluent
import Foundation
import Persistence
import SQLKit
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

/// The repository's `Processes/` folder, found from this file so tests may run from any folder.
public let processesFolder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Processes").path

/// The engine the suite runs against: PostgreSQL when `DATABASE_URL` is set, SQLite otherwise.
public enum TestEngine {
    public static var current: DatabaseEngine {
        TestDatabase.serverURL == nil ? .sqlite : .postgres
    }
}

/// A database made for one test.
struct TestDatabase: Sendable {
    /// The `DATABASE_URL` for the app, or nil for the SQLite default in the test's folder.
    let url: String?
    private let name: String?

    static var serverURL: String? {
        guard let url = ProcessInfo.processInfo.environment["DATABASE_URL"], !url.isEmpty else { return nil }
        return url
    }

    static func create() async throws -> TestDatabase {
        guard let server = serverURL else { return TestDatabase(url: nil, name: nil) }
        let name = "anslut_t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        try await onServer(server) { try await $0.raw("CREATE DATABASE \(ident: name)").run() }
        var components = URLComponents(string: server)!
        components.path = "/" + name
        return TestDatabase(url: components.string!, name: name)
    }

    func drop() async throws {
        guard let name, let server = Self.serverURL else { return }
        try await Self.onServer(server) { try await $0.raw("DROP DATABASE IF EXISTS \(ident: name)").run() }
    }

    /// Runs one statement on the server's own database, outside any test's database.
    private static func onServer(_ url: String, _ statement: @Sendable (any SQLDatabase) async throws -> Void)
        async throws
    {
        let admin = try await Application.make(.testing)
        admin.logger.logLevel = .warning
        do {
            let choice = DatabaseChoice.postgres(url: url)
            admin.databases.use(try choice.configuration(), as: choice.id)
            try await statement(admin.db as! any SQLDatabase)
            try await admin.asyncShutdown()
        } catch {
            try? await admin.asyncShutdown()
            throw error
        }
    }
}
