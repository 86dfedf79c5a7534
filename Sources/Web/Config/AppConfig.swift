import Domain
import Foundation
import Persistence

/// Everything the product reads from its environment, each with a default that works on a laptop.
public struct AppConfig: Sendable {
    /// `ANSLUT_DATA_DIR`: where the SQLite file and the documents (`blobs/`) live. Default `./data`.
    public var dataDirectory: String
    /// `DATABASE_URL`: a `postgres://` URL selects PostgreSQL; unset means SQLite in the data folder.
    public var databaseURL: String?
    /// `ANSLUT_PROCESSES_DIR`: the process definitions published at start. Default `./Processes`.
    public var processesDirectory: String
    /// `ANSLUT_MAX_UPLOAD_MB`: the largest document upload, in bytes here. Default 25 MB.
    public var maxUploadBytes: Int
    /// The time that sessions, sign-in throttling and token expiry go by; tests set a `FixedClock`.
    public var clock: any WallClock = SystemClock()

    public static let defaultMaxUploadBytes = 25 * 1_048_576

    public init(
        dataDirectory: String = "./data", databaseURL: String? = nil, processesDirectory: String = "./Processes",
        maxUploadBytes: Int = AppConfig.defaultMaxUploadBytes
    ) {
        self.dataDirectory = dataDirectory
        self.databaseURL = databaseURL
        self.processesDirectory = processesDirectory
        self.maxUploadBytes = maxUploadBytes
    }

    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment)
        -> AppConfig
    {
        AppConfig(
            dataDirectory: environment["ANSLUT_DATA_DIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "./data",
            databaseURL: environment["DATABASE_URL"],
            processesDirectory: environment["ANSLUT_PROCESSES_DIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "./Processes",
            // An unreadable or non-positive value keeps the default rather than refusing every upload.
            maxUploadBytes: environment["ANSLUT_MAX_UPLOAD_MB"].flatMap { Int($0) }.flatMap { $0 > 0 && $0 <= 4096 ? $0 * 1_048_576 : nil }
                ?? defaultMaxUploadBytes)
    }

    /// The database these settings select; a malformed `DATABASE_URL` is an error, never a silent fallback.
    public func databaseChoice() throws(StorageError) -> DatabaseChoice {
        try DatabaseChoice.from(databaseURL: databaseURL, dataDirectory: dataDirectory)
    }
}
