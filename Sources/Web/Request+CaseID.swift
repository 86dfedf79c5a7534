import Foundation
import Persistence
import Vapor

extension Request {
    /// The case id of the path (`/cases/{id}/…`). A malformed id is as unknown as an absent one: `CaseNotFound`.
    func caseIDParameter() throws -> UUID {
        guard let id = parameters.get("id").flatMap(UUID.init(uuidString:)) else { throw CaseNotFound() }
        return id
    }
}
