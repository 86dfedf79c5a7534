import Foundation
import Persistence
import Vapor

extension Request {
    /// The case id of the path (`/cases/{id}/…`). A malformed id is as unknown as an absent one: `CaseNotFound`.
    func caseIDParameter() throws -> UUID {
        try uuidParameter("id")
    }

    /// The id named `name` in the path (`{thread}`, `{document}`, `{account}`), unknown when malformed.
    func uuidParameter(_ name: String) throws -> UUID {
        guard let id = parameters.get(name).flatMap(UUID.init(uuidString:)) else { throw CaseNotFound() }
        return id
    }
}
