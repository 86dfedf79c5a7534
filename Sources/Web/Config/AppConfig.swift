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
    /// `ANSLUT_TRUSTED_PROXIES`: the proxies whose `X-Forwarded-For`, `Forwarded` and `X-Forwarded-Proto`
    /// are believed. Default none.
    public var trustedProxies: TrustedProxies = .none
    /// `ANSLUT_METRICS_TOKEN`: the bearer token `/metrics` asks for; unset, it answers the loopback peer only.
    public var metricsToken: String?
    /// `ANSLUT_AUDIT_KEY_FILE`: the Ed25519 key that signs audit checkpoints. Default `audit-signing-key` in the
    /// data folder, created at first use.
    public var auditKeyFile: String?
    /// `ANSLUT_TRAFFIC_DURABILITY`: what verification traffic (an HL7 batch's commit; a DICOM object's file and its
    /// record) survives before its ACK or C-STORE response goes out,
    /// `power-loss` (the default: flushed to the disk) or `process-crash` (written to the database but not
    /// flushed: survives anslut being killed, not the machine's crash or power loss; several times faster on a
    /// disk whose flush is slow, BENCHMARKS.md).
    public var trafficDurability: CommitDurability = .powerLoss
    /// `ANSLUT_DCIODVFY`: dicom3tools' IOD verifier, run on each received DICOM object for a second opinion; by default
    /// `/usr/bin/dciodvfy` when installed, `off` for none. Tests leave it off unless they ask for it.
    public var iodVerifier: String?
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

    /// A setting that cannot be used: named with the rule, rather than quietly replaced by its default.
    public struct InvalidSetting: Error, CustomStringConvertible {
        public let description: String
    }

    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(InvalidSetting) -> AppConfig
    {
        var maxUploadBytes = defaultMaxUploadBytes
        if let text = environment["ANSLUT_MAX_UPLOAD_MB"], !text.isEmpty {
            guard let megabytes = Int(text), (1...4096).contains(megabytes) else {
                throw InvalidSetting(description:
                    "ANSLUT_MAX_UPLOAD_MB is \"\(text)\"; it must be a whole number of megabytes from 1 to 4096.")
            }
            maxUploadBytes = megabytes * 1_048_576
        }
        var config = AppConfig(
            dataDirectory: environment["ANSLUT_DATA_DIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "./data",
            databaseURL: environment["DATABASE_URL"],
            processesDirectory: environment["ANSLUT_PROCESSES_DIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "./Processes",
            maxUploadBytes: maxUploadBytes)
        config.trustedProxies = try TrustedProxies.parse(environment["ANSLUT_TRUSTED_PROXIES"] ?? "")
        if let text = environment["ANSLUT_TRAFFIC_DURABILITY"], !text.isEmpty {
            guard let durability = CommitDurability(rawValue: text) else {
                throw InvalidSetting(description:
                    "ANSLUT_TRAFFIC_DURABILITY is \"\(text)\"; it must be power-loss (the default) or process-crash.")
            }
            config.trafficDurability = durability
        }
        switch environment["ANSLUT_DCIODVFY"] ?? "" {
        case "off": config.iodVerifier = nil
        case "": config.iodVerifier = FileManager.default.isExecutableFile(atPath: "/usr/bin/dciodvfy") ? "/usr/bin/dciodvfy" : nil
        case let path:
            guard FileManager.default.isExecutableFile(atPath: path) else {
                throw InvalidSetting(description:
                    "ANSLUT_DCIODVFY is \"\(path)\"; it must be the path of an executable dciodvfy, or off.")
            }
            config.iodVerifier = path
        }
        config.metricsToken = environment["ANSLUT_METRICS_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        config.auditKeyFile = environment["ANSLUT_AUDIT_KEY_FILE"].flatMap { $0.isEmpty ? nil : $0 }
        return config
    }

    /// Where the audit signing key is read from (and created at first use).
    public var auditKeyPath: String {
        auditKeyFile ?? AuditSigningKey.defaultPath(dataDirectory: dataDirectory)
    }

    /// The database these settings select; a malformed `DATABASE_URL` is an error, never a silent fallback.
    public func databaseChoice() throws(StorageError) -> DatabaseChoice {
        try DatabaseChoice.from(databaseURL: databaseURL, dataDirectory: dataDirectory)
    }
}
