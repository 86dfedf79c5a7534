import Foundation

/// Runs `body` on a thread of its own and returns its result: for tests that wait on a child process or a socket.
///
/// Not on GCD's global queue: on Linux, Swift's concurrency pool runs on that queue's threads, one per core, so a
/// test waiting there for a client it had started held up every task in the test process, the in-process
/// listeners' admissions among them, until the client's own 30 s timeout gave up (the full suite's DICOM tests).
public func onThreadOfItsOwn<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try body() }) }.start()
    }
}
