import FluentPostgresDriver
import Foundation
import NIOCore

/// One readable line for an error from a driver or the network, without the type dumps that
/// `String(describing:)` gives and without secrets.
public enum DriverErrorDescription {
    public static func short(_ error: any Error) -> String {
        switch error {
        case let error as IOError:
            return String(cString: strerror(error.errnoCode)).lowercased()
        case let error as PSQLError:
            if let message = error.serverInfo?[.message] { return message }
            if let underlying = error.underlying { return short(underlying) }
            return "\(error.code)"
        case let error as NIOConnectionError:
            if let first = error.connectionErrors.first { return short(first.error) }
            return "connection failed"
        default:
            let text = String(describing: error)
            return text.count > 300 ? String(text.prefix(300)) + "…" : text
        }
    }
}
