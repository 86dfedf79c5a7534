import Foundation
import Logging
import Vapor

/// Chooses how the process logs: `LOG_FORMAT=json` or `text` (default: text on a terminal, JSON otherwise,
/// so services and CI get machine-readable lines), `LOG_LEVEL` (default `info`).
enum LogSetup {
    static func bootstrap(environment: [String: String] = ProcessInfo.processInfo.environment) {
        let level = environment["LOG_LEVEL"].flatMap { Logger.Level(rawValue: $0.lowercased()) } ?? .info
        let json = switch environment["LOG_FORMAT"]?.lowercased() {
        case "json": true
        case "text": false
        default: isatty(STDERR_FILENO) == 0
        }
        LoggingSystem.bootstrap { label -> any LogHandler in
            if json { return JSONLogHandler(label: label, level: level) }
            return ConsoleLogger(label: label, console: Terminal(), level: level)
        }
    }
}
