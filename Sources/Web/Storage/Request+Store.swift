import Persistence
import Vapor

// The stores of a request and of the application, over the database `prepareStorage` opened. Everything in Web
// reads and writes through `Store`; no Fluent type reaches this target.
extension Request {
    /// The database, on this request's event loop and logging to its logger.
    var store: Store { application.requiredStorage.store(logger: logger, on: eventLoop) }
}

extension Application {
    /// The database, as the opaque handle the workflow and the stores take.
    public var store: Store { requiredStorage.store }

    fileprivate var requiredStorage: OpenStorage {
        guard let openStorage else { preconditionFailure("prepareStorage runs before the database is used") }
        return openStorage
    }
}
