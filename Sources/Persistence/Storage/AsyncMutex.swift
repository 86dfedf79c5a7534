/// A first-come, first-served lock for async code that suspends waiters instead of blocking threads.
actor AsyncMutex {
    private var locked = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    /// Runs `body` alone: no other `withLock` body of this mutex runs at the same time.
    func withLock<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        if locked {
            await withCheckedContinuation { waiters.append($0) }
        } else {
            locked = true
        }
        defer { unlock() }
        return try await body()
    }

    private func unlock() {
        if waiters.isEmpty {
            locked = false
        } else {
            // The lock passes straight to the next waiter, which then runs with `locked` still set.
            waiters.removeFirst().resume()
        }
    }
}
