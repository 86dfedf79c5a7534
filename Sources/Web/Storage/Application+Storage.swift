import Fluent
import Foundation
import Persistence
import ProcessFiles
import Vapor

extension Application {
    private struct ConfigKey: StorageKey { typealias Value = AppConfig }
    private struct StorageStateKey: StorageKey { typealias Value = DatabaseChoice }

    /// The settings this application was configured with.
    public var config: AppConfig {
        get { storage[ConfigKey.self] ?? AppConfig() }
        set { storage[ConfigKey.self] = newValue }
    }

    /// The database in use once `prepareStorage` has run.
    public var databaseChoice: DatabaseChoice? { storage[StorageStateKey.self] }

    /// Makes the database ready for the commands that need one (serve, migrate, audit …): checks the data
    /// folder, registers the database and runs the migrations. Commands that need none, like `id`, never
    /// touch storage, so a broken `DATABASE_URL` cannot stop them. Safe to call twice.
    ///
    /// With `migrate: false` an existing database is opened as it is, and a missing SQLite file is an error
    /// instead of being created.
    public func prepareStorage(migrate: Bool = true) async throws {
        if databaseChoice != nil { return }
        let choice = try config.databaseChoice()
        if case .sqliteFile(let path) = choice {
            if !migrate && !FileManager.default.fileExists(atPath: path) {
                throw StorageError.missingDatabase(location: path)
            }
            try StoragePreparation.prepareDataDirectory((path as NSString).deletingLastPathComponent)
        }
        databases.use(try choice.configuration(), as: choice.id, isDefault: true)
        storage[StorageStateKey.self] = choice
        do {
            try await StoragePreparation.enableWriteAheadLog(db)
            if migrate {
                try await autoMigrate()
                try await StoragePreparation.refreshPlannerStatistics(db)
            }
        } catch {
            throw StorageError.unreachable(location: choice.location, reason: DriverErrorDescription.short(error))
        }
        if migrate { try await publishProcessDefinitions() }
    }

    /// Publishes the definitions in the processes folder: new versions are stored, unchanged ones are left,
    /// a changed file under an already published version stops the start (running cases pin versions).
    private func publishProcessDefinitions() async throws {
        let folder = config.processesDirectory
        guard FileManager.default.fileExists(atPath: folder) else {
            logger.warning(
                "No process definitions folder; serving the versions already published",
                metadata: ["folder": "\(folder)"])
            return
        }
        let definitions = try ProcessDefinitionLoader.loadFolder(URL(fileURLWithPath: folder))
        try await db.write { tx in try await DefinitionStore.publish(definitions, actor: "system", in: tx) }
    }
}
