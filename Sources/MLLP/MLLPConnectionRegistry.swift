import NIOConcurrencyHelpers
import NIOCore

/// The open connections of one server: enforces the connection limit and lets shutdown reach every connection.
final class MLLPConnectionRegistry: Sendable {
    private struct State {
        var channels: [UInt64: any Channel] = [:]
        var lastID: UInt64 = 0
        var isDraining = false
    }

    let maximumConnections: Int
    private let state = NIOLockedValueBox(State())

    init(maximumConnections: Int) {
        self.maximumConnections = maximumConnections
    }

    /// Admits `channel` and returns its connection id, or `nil` when the server is full or shutting down.
    func admit(_ channel: any Channel) -> UInt64? {
        self.state.withLockedValue { state in
            guard !state.isDraining, state.channels.count < self.maximumConnections else { return nil }
            state.lastID += 1
            state.channels[state.lastID] = channel
            return state.lastID
        }
    }

    func remove(_ id: UInt64) {
        _ = self.state.withLockedValue { $0.channels.removeValue(forKey: id) }
    }

    /// Refuses every connection from now on and returns those still open.
    func drain() -> [any Channel] {
        self.state.withLockedValue { state in
            state.isDraining = true
            return Array(state.channels.values)
        }
    }
}
