import Domain
import NIOPosix
import Vapor

extension Application {
    /// File work of the workflow (storing a document) on the application's thread pool, off the event loops.
    var fileWork: any BlockingWork { ThreadPoolWork(pool: threadPool) }
}

private struct ThreadPoolWork: BlockingWork {
    let pool: NIOThreadPool

    func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await pool.runIfActive(body)
    }
}
