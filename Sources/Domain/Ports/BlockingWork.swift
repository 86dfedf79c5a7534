/// Where work that blocks a thread (file I/O, hashing a large file) runs, so that it never runs on an event
/// loop: the server hands in its thread pool; a test may run the work where it is.
public protocol BlockingWork: Sendable {
    func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T
}

/// Runs the work on the calling thread; for tests and commands that serve no requests.
public struct InlineWork: BlockingWork {
    public init() {}
    public func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T { try body() }
}
