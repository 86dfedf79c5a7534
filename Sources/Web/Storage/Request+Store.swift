import Fluent
import Persistence
import Vapor

// The one place the web layer touches Fluent: the store of a request or of the application, over the database
// that Fluent's Vapor integration set up. Everything else in Web reads and writes through `Store`.
extension Request {
    /// The database, as the opaque handle the workflow and the stores take.
    var store: Store { Store(db) }
}

extension Application {
    /// The database, as the opaque handle the workflow and the stores take.
    public var store: Store { Store(db) }
}
