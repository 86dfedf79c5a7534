import NIOConcurrencyHelpers
import NIOCore

/// The open connections of one server: enforces the connection and association limits, lets shutdown reach
/// every connection, and counts the work (handler calls, file clean-ups) that outlives a closed connection,
/// so that shutdown can wait for it.
final class DICOMConnectionRegistry: Sendable {
    private struct State {
        var channels: [UInt64: any Channel] = [:]
        var associations: Set<UInt64> = []
        var lastID: UInt64 = 0
        var isDraining = false
        var pendingWork = 0
        var workWaiters: [CheckedContinuation<Void, Never>] = []
    }

    let maximumConnections: Int
    let maximumAssociations: Int
    private let state = NIOLockedValueBox(State())

    init(maximumConnections: Int, maximumAssociations: Int) {
        self.maximumConnections = maximumConnections
        self.maximumAssociations = maximumAssociations
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

    /// Takes one of the association slots for connection `id`; `false` when all are taken.
    func occupyAssociationSlot(_ id: UInt64) -> Bool {
        self.state.withLockedValue { state in
            guard state.associations.count < self.maximumAssociations else { return false }
            state.associations.insert(id)
            return true
        }
    }

    /// Gives back connection `id`'s association slot: its association has ended, though its connection may
    /// stay open a little longer (PS3.8's Sta13).
    func freeAssociationSlot(_ id: UInt64) {
        _ = self.state.withLockedValue { $0.associations.remove(id) }
    }

    /// Frees the connection's entry and its association slot, if it had one.
    func remove(_ id: UInt64) {
        self.state.withLockedValue { state in
            state.channels.removeValue(forKey: id)
            state.associations.remove(id)
        }
    }

    /// Refuses every connection from now on and returns those still open.
    func drain() -> [any Channel] {
        self.state.withLockedValue { state in
            state.isDraining = true
            return Array(state.channels.values)
        }
    }

    /// Counts a piece of work that shutdown must wait for; pair with ``endWork()``.
    func beginWork() {
        self.state.withLockedValue { $0.pendingWork += 1 }
    }

    func endWork() {
        let waiters = self.state.withLockedValue { state -> [CheckedContinuation<Void, Never>] in
            state.pendingWork -= 1
            guard state.pendingWork == 0 else { return [] }
            defer { state.workWaiters = [] }
            return state.workWaiters
        }
        waiters.forEach { $0.resume() }
    }

    /// Returns once no counted work is left.
    func waitForWork() async {
        await withCheckedContinuation { continuation in
            let isIdle = self.state.withLockedValue { state in
                if state.pendingWork > 0 { state.workWaiters.append(continuation) }
                return state.pendingWork == 0
            }
            if isIdle { continuation.resume() }
        }
    }
}
