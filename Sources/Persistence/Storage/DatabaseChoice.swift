import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation

/// Which database the product runs on: a SQLite file by default, PostgreSQL when `DATABASE_URL` says so.
public enum DatabaseChoice: Sendable, Equatable {
    case sqliteFile(path: String)
    case postgres(url: String)

    /// The default SQLite file inside `dataDirectory`.
    public static func defaultSQLite(dataDirectory: String) -> DatabaseChoice {
        .sqliteFile(path: (dataDirectory as NSString).appendingPathComponent("anslut.sqlite"))
    }

    /// Reads `DATABASE_URL`: absent or empty means the SQLite file in `dataDirectory`; otherwise it must be
    /// a `postgres://` (or `postgresql://`) URL with a host.
    public static func from(databaseURL: String?, dataDirectory: String) throws(StorageError) -> DatabaseChoice {
        guard let raw = databaseURL?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else {
            return defaultSQLite(dataDirectory: dataDirectory)
        }
        guard let components = URLComponents(string: raw),
              let scheme = components.scheme?.lowercased(), scheme == "postgres" || scheme == "postgresql"
        else {
            throw .malformedDatabaseURL(reason: "it must start with postgres:// (or be unset for SQLite)")
        }
        guard let host = components.host, !host.isEmpty else {
            throw .malformedDatabaseURL(reason: "it names no host")
        }
        if let port = components.port, !(1...65_535).contains(port) {
            throw .malformedDatabaseURL(reason: "port \(port) is outside 1-65535")
        }
        guard (try? SQLPostgresConfiguration(url: raw)) != nil else {
            throw .malformedDatabaseURL(reason: "PostgreSQL cannot use it")
        }
        return .postgres(url: raw)
    }

    /// The engine behind this choice.
    public var engine: DatabaseEngine {
        switch self {
        case .sqliteFile: .sqlite
        case .postgres: .postgres
        }
    }

    /// What to register with `Databases.use(_:as:)`.
    public func configuration() throws -> DatabaseConfigurationFactory {
        switch self {
        case .sqliteFile(let path):
            let sqlite = DatabaseConfigurationFactory.sqlite(.file(path))
            return DatabaseConfigurationFactory {
                SQLiteReadingConfiguration(
                    base: sqlite.make(), reads: SQLiteReadPool(path: path), traffic: SQLiteTrafficWriter(path: path))
            }
        case .postgres(let url):
            // Writers hold their connection while they wait for the writer lock inside PostgreSQL, so one
            // connection per event loop would make every read queue behind the writes in the pool (and time out
            // there under load, as parallel writers in CI did). Four per loop keep reads flowing.
            return .postgres(
                configuration: try SQLPostgresConfiguration(url: url),
                maxConnectionsPerEventLoop: Self.postgresConnectionsPerEventLoop)
        }
    }

    /// How many PostgreSQL connections each event loop's pool may open.
    static let postgresConnectionsPerEventLoop = 4

    /// The database's identifier in `Databases`.
    public var id: DatabaseID {
        switch self {
        case .sqliteFile: .sqlite
        case .postgres: .psql
        }
    }

    /// Where the database is, for messages: the file, or host and port (never the password).
    public var location: String {
        switch self {
        case .sqliteFile(let path): return path
        case .postgres(let url):
            let components = URLComponents(string: url)
            return "\(components?.host ?? "?"):\(components?.port ?? 5432)\(components?.path ?? "")"
        }
    }
}

/// The two SQL engines the product supports.
public enum DatabaseEngine: String, Sendable, Codable {
    case sqlite
    case postgres
}

extension Database {
    /// The engine this connection talks to.
    public var engine: DatabaseEngine {
        (self as? any SQLDatabase)?.dialect.name == "sqlite" ? .sqlite : .postgres
    }

    /// The same connection seen through SQLKit, for the few queries Fluent's query builder cannot express.
    var sql: any SQLDatabase {
        guard let sql = self as? any SQLDatabase else {
            preconditionFailure("Both supported drivers implement SQLDatabase")
        }
        return sql
    }
}
