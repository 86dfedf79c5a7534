import Foundation
import Persistence
import Workflow
import ProcessFiles
import Vapor

extension Application {
    private struct ConfigKey: StorageKey { typealias Value = AppConfig }
    private struct OpenStorageKey: StorageKey { typealias Value = OpenStorage }

    /// The settings this application was configured with.
    public var config: AppConfig {
        get { storage[ConfigKey.self] ?? AppConfig() }
        set { storage[ConfigKey.self] = newValue }
    }

    /// The database in use once `prepareStorage` has run.
    public var databaseChoice: DatabaseChoice? { openStorage?.choice }

    /// The opened database once `prepareStorage` has run; closed at shutdown, after every lifecycle handler
    /// registered later (the jobs, the listeners) has stopped.
    var openStorage: OpenStorage? { storage[OpenStorageKey.self] }

    /// Makes the database ready for the commands that need one (serve, migrate, audit …): checks the data
    /// folder, registers the database and runs the migrations. Commands that need none, like `id`, never
    /// touch storage, so a broken `DATABASE_URL` cannot stop them. Safe to call twice.
    ///
    /// With `migrate: false` an existing database is opened as it is, and a missing SQLite file is an error
    /// instead of being created.
    public func prepareStorage(migrate: Bool = true) async throws {
        if databaseChoice != nil { return }
        let choice = try config.databaseChoice()
        // Before the database is touched: a start that cannot publish must not leave a half-made one.
        let processes = migrate ? try processesFolder() : nil
        if case .sqliteFile(let path) = choice {
            if !migrate && !FileManager.default.fileExists(atPath: path) {
                throw StorageError.missingDatabase(location: path)
            }
            try StoragePreparation.prepareDataDirectory((path as NSString).deletingLastPathComponent)
        }
        let opened = try await OpenStorage.open(
            choice, migrate: migrate, eventLoopGroup: eventLoopGroup, threadPool: threadPool, logger: logger)
        storage[OpenStorageKey.self] = opened
        lifecycle.use(StorageClosing(storage: opened))
        if let processes {
            let (definitions, matrices) = try ProcessFolder.load(processes)
            try await DefinitionWorkflow.publish(definitions, matrices: matrices, by: .system, in: store, clock: config.clock)
        }
    }

    /// The processes folder, whose definitions are published at every start: new versions are stored,
    /// unchanged ones are left, a changed file under an already published version stops the start (running
    /// cases pin versions). A missing folder stops the start too, naming the setting.
    private func processesFolder() throws(AppConfig.InvalidSetting) -> URL {
        let folder = config.processesDirectory
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw AppConfig.InvalidSetting(description:
                "No process definitions folder at \(folder): set ANSLUT_PROCESSES_DIR to the folder that holds"
                    + " bfr.yaml and takecare.yaml (default ./Processes, from the folder anslut is started in).")
        }
        return URL(fileURLWithPath: folder)
    }
}

/// Closes the database at shutdown. Vapor stops lifecycle handlers in the reverse order of their registration,
/// so everything started after storage was ready has stopped by then.
private struct StorageClosing: LifecycleHandler {
    let storage: OpenStorage

    func shutdownAsync(_ application: Application) async {
        await storage.close()
    }
}
