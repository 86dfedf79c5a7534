import Domain
import Vapor

extension Request {
    /// The signed-in admin. Anyone else signed in gets the page-not-found answer, as for a path that does not
    /// exist, so the admin pages are not even acknowledged to them.
    func requireAdmin() throws -> Principal {
        let principal = try requireSignedIn()
        guard principal.holds(.admin) else { throw Abort(.notFound) }
        return principal
    }
}
