import Domain
import Foundation
import Logging
import NIOPosix
@_spi(Tests) import Persistence
import ProcessFiles
import SQLKit
import Workflow

/// A fresh, migrated database for one test, without a web application: what Persistence and workflow tests
/// need. The repository's process definitions are published, as `anslut serve` does at start.
public struct TestStorage: Sendable {
    /// The database.
    public let store: Store
    /// Which database it is.
    public let choice: DatabaseChoice
    /// A folder of the test's own (the SQLite file and the blob store live here).
    public let dataDirectory: String
    /// The clock the test's changes are stamped with.
    public let clock: any WallClock

    /// The database through SQLKit, for set-up and for changing rows behind the product's back.
    public var sql: any SQLDatabase { store.sql }
}

/// Runs `body` with a new `TestStorage` and removes the database and the folder afterwards, so tests may run
/// in parallel and leave nothing behind.
@discardableResult
public func withTestStorage<T: Sendable>(
    clock: any WallClock = SystemClock(), _ body: @Sendable (TestStorage) async throws -> T
) async throws -> T {
    let folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("anslut-test-\(UUID().uuidString)").path
    let database = try await TestDatabase.create()
    let choice = try DatabaseChoice.from(databaseURL: database.url, dataDirectory: folder)
    try StoragePreparation.prepareDataDirectory(folder)
    var logger = Logger(label: "anslut.tests")
    logger.logLevel = .warning
    let opened = try await OpenStorage.open(
        choice, migrate: true, eventLoopGroup: MultiThreadedEventLoopGroup.singleton, threadPool: .singleton,
        logger: logger)
    let storage = TestStorage(store: opened.store, choice: choice, dataDirectory: folder, clock: clock)
    do {
        let (definitions, matrices) = try ProcessFolder.load(URL(fileURLWithPath: processesFolder))
        try await DefinitionWorkflow.publish(definitions, matrices: matrices, by: .system, in: storage.store, clock: clock)
        let result = try await body(storage)
        await opened.close()
        try await database.drop()
        try? FileManager.default.removeItem(atPath: folder)
        return result
    } catch {
        await opened.close()
        try? await database.drop()
        try? FileManager.default.removeItem(atPath: folder)
        throw error
    }
}
