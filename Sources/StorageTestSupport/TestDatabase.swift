import Foundation
import Logging
import NIOPosix
@_spi(Tests) import Persistence
import SQLKit

/// The engine the suite runs against: PostgreSQL when `DATABASE_URL` is set, SQLite otherwise.
public enum TestEngine {
    public static var current: DatabaseEngine {
        TestDatabase.serverURL == nil ? .sqlite : .postgres
    }
}

/// A database made for one test: on PostgreSQL a new database on the server `DATABASE_URL` names, dropped
/// afterwards; on SQLite nothing here (the file lives in the test's own folder).
public struct TestDatabase: Sendable {
    /// The `DATABASE_URL` for the test, or nil for the SQLite default in the test's folder.
    public let url: String?
    private let name: String?

    static var serverURL: String? {
        guard let url = ProcessInfo.processInfo.environment["DATABASE_URL"], !url.isEmpty else { return nil }
        return url
    }

    public static func create() async throws -> TestDatabase {
        guard let server = serverURL else { return TestDatabase(url: nil, name: nil) }
        let name = "anslut_t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        try await onServer(server) { try await $0.raw("CREATE DATABASE \(ident: name)").run() }
        var components = URLComponents(string: server)!
        components.path = "/" + name
        return TestDatabase(url: components.string!, name: name)
    }

    public func drop() async throws {
        guard let name, let server = Self.serverURL else { return }
        try await Self.onServer(server) { try await $0.raw("DROP DATABASE IF EXISTS \(ident: name)").run() }
    }

    /// Runs one statement on the server's own database, outside any test's database.
    private static func onServer(_ url: String, _ statement: @Sendable (any SQLDatabase) async throws -> Void)
        async throws
    {
        var logger = Logger(label: "anslut.tests")
        logger.logLevel = .warning
        let admin = try await OpenStorage.open(
            .postgres(url: url), migrate: false, eventLoopGroup: MultiThreadedEventLoopGroup.singleton,
            threadPool: .singleton, logger: logger)
        do {
            try await statement(admin.store.sql)
            await admin.close()
        } catch {
            await admin.close()
            throw error
        }
    }
}
