import FluentPostgresDriver
import Foundation

/// A PostgreSQL connection of its own, outside the pool, for holding session-level advisory locks: the
/// pool has one connection per event loop, and a lock held on one of those while the locked work queries
/// through the pool could wait for itself.
struct AdvisoryLockConnection: Sendable {
    private let connection: PostgresConnection
    // Only for its logger: the queries go to `connection`.
    private let database: any Database

    /// Opens a connection to `url`, runs `body` with it and closes it, also when `body` throws.
    static func with<T: Sendable>(
        url: String, loggingTo database: any Database, _ body: @Sendable (AdvisoryLockConnection) async throws -> T
    ) async throws -> T {
        let configuration = try SQLPostgresConfiguration(url: url).coreConfiguration
        let connection = try await PostgresConnection.connect(
            configuration: configuration, id: 0, logger: database.logger)
        let locks = AdvisoryLockConnection(connection: connection, database: database)
        do {
            let result = try await body(locks)
            try? await connection.close()
            return result
        } catch {
            try? await connection.close()
            throw error
        }
    }

    /// Takes the lock `key` if it is free; false when another session holds it.
    func tryLock(_ key: Int64) async throws -> Bool {
        let rows = try await connection.query("SELECT pg_try_advisory_lock(\(key))", logger: database.logger)
        for try await locked in rows.decode(Bool.self) { return locked }
        return false
    }

    /// Takes the lock `key`, waiting for the session that holds it.
    func lock(_ key: Int64) async throws {
        try await connection.query("SELECT pg_advisory_lock(\(key))", logger: database.logger)
    }

    func unlock(_ key: Int64) async throws {
        try await connection.query("SELECT pg_advisory_unlock(\(key))", logger: database.logger)
    }
}

extension StoragePreparation {
    // "anslmigr": recognisable in pg_locks beside the writers' "anslaudi".
    private static var migrationLockKey: Int64 { 0x616e_736c_6d69_6772 }

    /// Runs `migrate` while holding PostgreSQL's migration lock, so instances started together on a fresh
    /// database take turns: the second waits, then finds every migration applied. SQLite needs none: one
    /// process serves the file, and its migrations run in that process's start.
    public static func withMigrationLock(
        _ choice: DatabaseChoice, loggingTo database: any Database, _ migrate: @Sendable () async throws -> Void
    ) async throws {
        guard case .postgres(let url) = choice else { return try await migrate() }
        try await AdvisoryLockConnection.with(url: url, loggingTo: database) { connection in
            try await connection.lock(migrationLockKey)
            try await migrate()
            try await connection.unlock(migrationLockKey)
        }
    }
}
