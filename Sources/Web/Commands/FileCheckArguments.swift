import Vapor

/// The arguments of the `check` commands: `FILE... [--profile ID] [--json]`. ConsoleKit's signatures take one value
/// per argument, and these take many files, so they are read by hand, in one place.
struct FileCheckArguments {
    var files: [String] = []
    var profileID: String?
    var json = false
    /// `--help` or `-h` was given.
    var wantsHelp = false

    /// Reads `arguments`; a usage mistake is a `CommandExit` with status 2 naming `usage`.
    init(_ arguments: [String], usage: String) throws {
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            switch argument {
            case "--json": json = true
            case "--profile":
                guard let value = remaining.popFirst() else { throw CommandExit(status: 2, message: "--profile needs a profile id.") }
                profileID = value
            case "--help", "-h": wantsHelp = true
            default:
                guard !argument.hasPrefix("--") else { throw CommandExit(status: 2, message: "Unknown option \(argument).") }
                files.append(argument)
            }
        }
        guard wantsHelp || !files.isEmpty else { throw CommandExit(status: 2, message: "Usage: \(usage)") }
    }
}
