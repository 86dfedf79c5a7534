import FluentKit
import Foundation

/// A care provider or supplier that applies for connections.
final class OrganisationModel: Model, @unchecked Sendable {
    static let schema = "organisations"

    // managed fields
    @ID(key: .id) var id: UUID?
    @OptionalField(key: "created_at") var createdAt: Date?

    // data fields
    /// Ten digits, no hyphen.
    @Field(key: "organisationsnummer") var organisationsnummer: String
    @Field(key: "name") var name: String
    @OptionalField(key: "hsa_id") var hsaID: String?

    init() {}

    init(id: UUID? = nil, organisationsnummer: String, name: String, hsaID: String? = nil) {
        self.id = id
        self.organisationsnummer = organisationsnummer
        self.name = name
        self.hsaID = hsaID
    }
}
