import FluentKit
import Logging
import NIOCore
import NIOPosix

/// The database, opened: the drivers' connection pools and the migrations, owned here so that the layers above
/// hold a `Store` and never a Fluent type. One per process; `close()` ends it, after every user of its stores
/// has stopped (the web layer closes it last at shutdown).
public final class OpenStorage: Sendable {
    /// Which database this is.
    public let choice: DatabaseChoice
    private let databases: Databases
    private let eventLoopGroup: any EventLoopGroup
    private let logger: Logger

    /// Opens `choice` on the caller's event loops and thread pool. With `migrate`, applies every migration not
    /// yet applied (taking PostgreSQL's migration lock, so instances started together take turns) and refreshes
    /// SQLite's planner statistics; without, the database is used as it is. A database that cannot be reached or
    /// migrated is a `StorageError.unreachable` naming where it is and the driver's reason.
    public static func open(
        _ choice: DatabaseChoice, migrate: Bool,
        eventLoopGroup: any EventLoopGroup, threadPool: NIOThreadPool, logger: Logger
    ) async throws -> OpenStorage {
        let storage = OpenStorage(
            choice: choice, configuration: try choice.configuration(),
            eventLoopGroup: eventLoopGroup, threadPool: threadPool, logger: logger)
        do {
            let database = storage.store.database
            try await StoragePreparation.enableWriteAheadLog(database)
            if migrate {
                try await StoragePreparation.withMigrationLock(choice, loggingTo: database) {
                    try await storage.applyMigrations()
                }
                try await StoragePreparation.refreshPlannerStatistics(storage.store)
            }
            return storage
        } catch {
            await storage.close()
            throw StorageError.unreachable(location: choice.location, reason: DriverErrorDescription.short(error))
        }
    }

    private init(
        choice: DatabaseChoice, configuration: DatabaseConfigurationFactory,
        eventLoopGroup: any EventLoopGroup, threadPool: NIOThreadPool, logger: Logger
    ) {
        self.choice = choice
        self.eventLoopGroup = eventLoopGroup
        self.logger = logger
        databases = Databases(threadPool: threadPool, on: eventLoopGroup)
        databases.use(configuration, as: choice.id, isDefault: true)
    }

    /// A store on any of the event loops, logging to the process's logger.
    public var store: Store { store(logger: logger, on: eventLoopGroup.any()) }

    /// A store whose queries run on `eventLoop` and log to `logger` (a request's, say).
    public func store(logger: Logger, on eventLoop: any EventLoop) -> Store {
        guard let database = databases.database(logger: logger, on: eventLoop) else {
            preconditionFailure("The storage was used after it was closed")
        }
        return Store(database)
    }

    /// Closes every pooled connection.
    public func close() async {
        await databases.shutdownAsync()
    }

    private func applyMigrations() async throws {
        let migrations = Migrations()
        migrations.add(AnslutMigrations.all)
        let migrator = Migrator(databases: databases, migrations: migrations, logger: logger, on: eventLoopGroup.any())
        try await migrator.setupIfNeeded().flatMap { migrator.prepareBatch() }.get()
    }
}
