/// A storage problem the operator can fix, with a message that says what and how.
public enum StorageError: Error, Sendable, Equatable, CustomStringConvertible {
    case malformedDatabaseURL(reason: String)
    case dataDirectoryUnusable(path: String, reason: String)
    case unreachable(location: String, reason: String)
    case missingDatabase(location: String)

    public var description: String {
        switch self {
        case .malformedDatabaseURL(let reason):
            "DATABASE_URL is not usable: \(reason). Use postgres://USER:PASSWORD@HOST:5432/DATABASE,"
                + " or unset it to use the SQLite file in the data folder."
        case .dataDirectoryUnusable(let path, let reason):
            "The data folder \(path) cannot be used: \(reason)."
                + " Point ANSLUT_DATA_DIR at a folder this user can write to, or fix its permissions."
        case .unreachable(let location, let reason):
            "Could not open the database at \(location): \(reason). Check that the server is running and that"
                + " DATABASE_URL is right."
        case .missingDatabase(let location):
            "There is no database at \(location). Run `anslut migrate` (or `anslut serve`) to create one, or set"
                + " ANSLUT_DATA_DIR or DATABASE_URL to where it is."
        }
    }
}
