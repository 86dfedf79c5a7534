import Vapor
import Workflow

extension Application {
    private struct QueueCacheKey: StorageKey { typealias Value = QueueCache }

    /// The platforms' queues kept between requests (`QueueCache`): one per application, so each test app has its own.
    var queueCache: QueueCache {
        if let cache = storage[QueueCacheKey.self] { return cache }
        let cache = QueueCache()
        storage[QueueCacheKey.self] = cache
        return cache
    }
}
