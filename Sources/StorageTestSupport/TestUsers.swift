import Domain
import Foundation
import Persistence
import Workflow

/// A user made for a test, with a bearer token ready.
public struct TestUser: Sendable {
    public let id: UUID
    public let email: String
    public let token: String

    public init(id: UUID, email: String, token: String) {
        self.id = id
        self.email = email
        self.token = token
    }
}

/// Users for tests, made through the workflow as the command line makes them.
public enum TestUsers {
    /// The password every test user has.
    public static let password = "correct horse battery"

    // Bcrypt is slow on purpose; one hash of `password` at the lowest cost serves every test user. Made once
    // with Python's bcrypt, so that this target needs no Vapor.
    private static let passwordHash = "$2b$04$0vBA37yBjwZdpM2lm7V9fuWtt1ZC8PbI35LyfFw9Ok/eXUklm2RK2"

    /// Creates a user with one role (and an organisation for applicants) and issues a token.
    public static func create(
        _ email: String, role: Role, platform: String? = nil, organisation: String? = nil,
        in store: Store, clock: any WallClock
    ) async throws -> TestUser {
        let registration = try UserRegistration.validate(
            email: email, name: nil, role: role.rawValue, platform: platform, organisationsnummer: organisation,
            knownPlatforms: ["BFR", "TAKECARE"]
        ).get()
        let id = try await AccountWorkflow.createUser(
            registration, passwordHash: passwordHash, organisationName: organisation.map { "Org \($0)" },
            by: .commandLine(operator: nil), in: store, clock: clock)
        let token = try await AccountWorkflow.issueToken(
            for: id, lifetime: 3600, by: .commandLine(operator: nil), in: store, clock: clock).token
        return TestUser(id: id, email: email, token: token)
    }
}
