import Domain
import FluentKit
import Foundation
import SQLKit

/// Users, their organisations and roles, and bearer tokens.
public enum AccountStore {
    /// Stores a new user with their one role; the workflow checks the rules and audits.
    public static func insertUser(
        _ registration: UserRegistration, passwordHash: String, organisationID: UUID?, in tx: WriteTransaction
    ) async throws -> UUID {
        let user = UserModel(
            email: registration.email.value, name: registration.name, passwordHash: passwordHash,
            organisationID: organisationID)
        user.createdAt = tx.now
        try await user.create(on: tx.database)
        let userID = try user.requireID()
        try await insertRole(registration.grant, of: userID, in: tx)
        return userID
    }

    /// The organisation with this organisationsnummer, if it is registered.
    public static func organisationID(_ orgnr: Organisationsnummer, on store: Store) async throws -> UUID? {
        try await OrganisationModel.query(on: store.database).filter(\.$organisationsnummer == orgnr.digits).first()?
            .requireID()
    }

    /// Registers an organisation; returns its id.
    public static func insertOrganisation(_ orgnr: Organisationsnummer, name: String, in tx: WriteTransaction)
        async throws -> UUID
    {
        let organisation = OrganisationModel(organisationsnummer: orgnr.digits, name: name)
        organisation.createdAt = tx.now
        try await organisation.create(on: tx.database)
        return try organisation.requireID()
    }

    /// A user as sign-in and the password page need them; the password only as its Bcrypt hash.
    public struct Account: Sendable, Hashable {
        public let id: UUID
        public let email: String
        public let name: String
        public let organisationID: UUID?
        public let passwordHash: String
    }

    /// The user with this e-mail address, any case.
    public static func user(email: String, on store: Store) async throws -> Account? {
        guard let address = EmailAddress(email) else { return nil }
        return try await UserModel.query(on: store.database).filter(\.$email == address.value).first().map(account)
    }

    /// The user with this id.
    public static func user(id: UUID, on store: Store) async throws -> Account? {
        try await UserModel.find(id, on: store.database).map(account)
    }

    /// Whether any user exists (an empty database is what `anslut demo` seeds).
    public static func hasUsers(on store: Store) async throws -> Bool {
        try await UserModel.query(on: store.database).count() > 0
    }

    /// The names of the organisations with these ids; unknown ids are absent.
    public static func organisationNames(_ ids: Set<UUID>, on store: Store) async throws -> [UUID: String] {
        guard !ids.isEmpty else { return [:] }
        return Dictionary(
            try await OrganisationModel.query(on: store.database).filter(\.$id ~~ ids).all().map { (try $0.requireID(), $0.name) }
        ) { first, _ in first }
    }

    private static func account(_ model: UserModel) throws -> Account {
        Account(
            id: try model.requireID(), email: model.email, name: model.name, organisationID: model.$organisation.id,
            passwordHash: model.passwordHash)
    }

    /// The names of the users with these ids, as they are now; unknown ids are absent.
    public static func names(userIDs: Set<UUID>, on store: Store) async throws -> [UUID: String] {
        let db = store.database
        guard !userIDs.isEmpty else { return [:] }
        return Dictionary(
            try await UserModel.query(on: db).filter(\.$id ~~ userIDs).all().map { (try $0.requireID(), $0.name) }
        ) { first, _ in first }
    }

    /// The access view of a user, read fresh so that role changes count from the next request.
    public static func principal(userID: UUID, on store: Store) async throws -> Principal? {
        try await principals(userIDs: [userID], on: store)[userID]
    }

    /// The access views of several users in one query, by id; unknown ids are absent.
    public static func principals(userIDs: Set<UUID>, on store: Store) async throws -> [UUID: Principal] {
        let db = store.database
        guard !userIDs.isEmpty else { return [:] }
        let rows = try await db.rows(
            """
            SELECT u.id, u.email, u.organisation_id, r.role, r.platform
            FROM users u LEFT JOIN user_roles r ON r.user_id = u.id
            WHERE u.id IN (\(binds: Array(userIDs)))
            """ as SQLQueryString, PrincipalRow.init)
        return PrincipalRow.fold(rows)
    }

    /// The user a bearer token belongs to, while it has not expired, with their roles as they are now: one
    /// query, because every API request asks it. Notes when the token was used, at most once a minute.
    public static func principal(forToken token: String, now: Date, on store: Store) async throws -> Principal? {
        let db = store.database
        guard token.utf8.count <= 200 else { return nil }
        let rows = try await db.rows(
            """
            SELECT u.id, u.email, u.organisation_id, r.role, r.platform, t.id AS token_id, t.expires_at, t.last_used_at
            FROM api_tokens t JOIN users u ON u.id = t.user_id LEFT JOIN user_roles r ON r.user_id = u.id
            WHERE t.token_hash = \(bind: SecretToken.digest(token))
            """ as SQLQueryString
        ) { row in
            (user: try PrincipalRow(row), tokenID: try row.uuid("token_id"), expiresAt: try row.date("expires_at"),
             lastUsedAt: try row.optionalDate("last_used_at"))
        }
        guard let first = rows.first, first.expiresAt > now else { return nil }
        if first.lastUsedAt.map({ now.timeIntervalSince($0) > tokenTouchInterval }) ?? true {
            try await db.write(clock: FixedClock(now)) { tx in
                try await APITokenModel.query(on: tx.database).filter(\.$id == first.tokenID)
                    .set(\.$lastUsedAt, to: now).update()
            }
        }
        return PrincipalRow.fold(rows.map(\.user)).values.first
    }

    // Noting every use would queue each API request behind the writers; a minute's slack tells the owner enough.
    static let tokenTouchInterval: TimeInterval = 60

    /// Stores a bearer token's hash, valid until `expiresAt`.
    public static func insertToken(hash: String, of userID: UUID, expiresAt: Date, in tx: WriteTransaction) async throws {
        let token = APITokenModel(userID: userID, tokenHash: hash, expiresAt: expiresAt)
        token.createdAt = tx.now
        try await token.create(on: tx.database)
    }

}

/// A row of a user joined with their roles (`id`, `email`, `organisation_id`, `role`, `platform`): one per
/// role, or one with no role.
private struct PrincipalRow: Sendable {
    let id: UUID
    let email: String
    let organisation: UUID?
    let grant: RoleGrant?

    init(_ row: any ColumnReader) throws {
        id = try row.uuid("id")
        email = try row.string("email")
        organisation = try row.optionalUUID("organisation_id")
        grant = try row.optionalString("role").flatMap(Role.init(rawValue:))
            .map { RoleGrant(role: $0, platform: try row.optionalString("platform")) }
    }

    /// The rows folded into access views, by user.
    static func fold(_ rows: [PrincipalRow]) -> [UUID: Principal] {
        var principals: [UUID: Principal] = [:]
        for (id, rows) in Dictionary(grouping: rows, by: \.id) {
            principals[id] = Principal(
                userID: id, email: rows[0].email, organisationID: rows[0].organisation,
                grants: Set(rows.compactMap(\.grant)))
        }
        return principals
    }
}
