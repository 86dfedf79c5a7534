import FluentKit
import Foundation

/// A care provider or supplier that applies for connections.
public final class OrganisationModel: Model, @unchecked Sendable {
    public static let schema = "organisations"

    // managed fields
    @ID(key: .id) public var id: UUID?
    @OptionalField(key: "created_at") public var createdAt: Date?

    // data fields
    /// Ten digits, no hyphen.
    @Field(key: "organisationsnummer") public var organisationsnummer: String
    @Field(key: "name") public var name: String
    @OptionalField(key: "hsa_id") public var hsaID: String?

    public init() {}

    public init(id: UUID? = nil, organisationsnummer: String, name: String, hsaID: String? = nil) {
        self.id = id
        self.organisationsnummer = organisationsnummer
        self.name = name
        self.hsaID = hsaID
    }
}
