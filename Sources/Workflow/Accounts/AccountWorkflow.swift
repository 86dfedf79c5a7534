import Domain
import Foundation
import Persistence

/// Every change to users, roles, sign-ins and bearer tokens: the rule (Domain's `UserRegistration`,
/// `RoleChangeRules`), the change and its audit event in one write transaction.
public enum AccountWorkflow {
    /// Why every token of a user was revoked, as the audit event names it.
    public enum RevocationReason: String, Sendable {
        case passwordChange = "password-change"
        case lastRoleRemoved = "last-role-removed"
        case operatorRequest = "operator-request"
    }

    /// Creates the user with their one role, registering the applicant's organisation when it is new.
    /// Refuses an e-mail address that is taken.
    public static func createUser(
        _ registration: UserRegistration, passwordHash: String, organisationName: String?, by actor: AuditActor,
        in store: Store, clock: any WallClock
    ) async throws -> UUID {
        try await store.write(clock: clock) { tx in
            if try await AccountStore.user(email: registration.email.value, on: tx.store) != nil {
                throw ValidationFailure([
                    FieldError(
                        field: "email", code: "taken",
                        message: LocalizedText(
                            sv: "Det finns redan en användare med e-postadressen \(registration.email).",
                            en: "A user with the e-mail address \(registration.email) already exists."))
                ])
            }
            var organisationID: UUID?
            if let orgnr = registration.organisationsnummer {
                organisationID = try await organisation(orgnr, name: organisationName, by: actor, in: tx)
            }
            let userID = try await AccountStore.insertUser(
                registration, passwordHash: passwordHash, organisationID: organisationID, in: tx)
            var payload: [String: CanonicalJSON] = [
                "email": .string(registration.email.value), "role": .string(registration.grant.role.rawValue),
            ]
            if let platform = registration.grant.platform { payload["platform"] = .string(platform) }
            if let organisationID { payload["organisation"] = .string(organisationID.uuidString) }
            try await tx.audit(AuditEventDraft(actor: actor, action: .userCreate, subject: "user:\(userID)", payload: .object(payload)))
            return userID
        }
    }

    /// The organisation with this number, registered (and audited) when not yet known.
    private static func organisation(
        _ orgnr: Organisationsnummer, name: String?, by actor: AuditActor, in tx: WriteTransaction
    ) async throws -> UUID {
        if let existing = try await AccountStore.organisationID(orgnr, on: tx.store) { return existing }
        let name = name ?? orgnr.description
        let id = try await AccountStore.insertOrganisation(orgnr, name: name, in: tx)
        try await tx.audit(AuditEventDraft(
            actor: actor, action: .organisationRegister, subject: "organisation:\(id)",
            payload: ["organisationsnummer": .string(orgnr.digits), "name": .string(name)]))
        return id
    }

    /// Gives the user `grant`, by the rules of `RoleChangeRules`. Counts from the user's next request.
    public static func addRole(
        _ grant: RoleGrant, to userID: UUID, by actor: AuditActor, in store: Store, clock: any WallClock
    ) async throws {
        try await store.write(clock: clock) { tx in
            guard let user = try await AccountStore.user(id: userID, on: tx.store) else { throw AccountStore.UnknownUser(id: userID) }
            let held = try await AccountStore.grants(of: userID, on: tx.store)
            if let refusal = RoleChangeRules.addRefusal(grant, userHasOrganisation: user.organisationID != nil, held: held) {
                throw ValidationFailure([refusal])
            }
            try await AccountStore.insertRole(grant, of: userID, in: tx)
            try await tx.audit(AuditEventDraft(actor: actor, action: .userRoleAdd, subject: "user:\(userID)", payload: payload(grant)))
        }
    }

    /// Takes `grant` from the user, by the rules of `RoleChangeRules`; taking the last role also revokes the
    /// user's bearer tokens.
    public static func removeRole(
        _ grant: RoleGrant, from userID: UUID, by actor: AuditActor, in store: Store, clock: any WallClock
    ) async throws {
        try await store.write(clock: clock) { tx in
            guard try await AccountStore.user(id: userID, on: tx.store) != nil else { throw AccountStore.UnknownUser(id: userID) }
            let held = try await AccountStore.grants(of: userID, on: tx.store)
            if let refusal = RoleChangeRules.removeRefusal(grant, from: userID, by: actor.id, held: held) {
                throw ValidationFailure([refusal])
            }
            try await AccountStore.deleteRole(grant, of: userID, in: tx)
            try await tx.audit(AuditEventDraft(actor: actor, action: .userRoleRemove, subject: "user:\(userID)", payload: payload(grant)))
            if RoleChangeRules.leavesNoRole(grant, held: held) {
                try await revokeAllTokens(of: userID, reason: .lastRoleRemoved, by: actor, in: tx)
            }
        }
    }

    /// Issues a bearer token valid for `lifetime` seconds; returns it once, stores only its hash.
    public static func issueToken(
        for userID: UUID, lifetime: TimeInterval, by actor: AuditActor, in store: Store, clock: any WallClock
    ) async throws -> (token: String, expiresAt: Date) {
        try await store.write(clock: clock) { tx in
            let token = SecretToken.random(prefix: "anslut_")
            let expiresAt = tx.now.addingTimeInterval(lifetime)
            try await AccountStore.insertToken(hash: SecretToken.digest(token), of: userID, expiresAt: expiresAt, in: tx)
            try await tx.audit(AuditEventDraft(
                actor: actor, action: .userTokenIssue, subject: "user:\(userID)",
                payload: ["expiresAt": .string(AuditTimestamp.format(expiresAt))]))
            return (token, expiresAt)
        }
    }

    /// Revokes one of the user's own tokens; false when the user has no such token.
    public static func revokeToken(
        _ tokenID: UUID, of userID: UUID, by actor: AuditActor, in store: Store, clock: any WallClock
    ) async throws -> Bool {
        try await store.write(clock: clock) { tx in
            guard try await AccountStore.deleteToken(tokenID, of: userID, in: tx) else { return false }
            try await tx.audit(AuditEventDraft(
                actor: actor, action: .userTokenRevoke, subject: "user:\(userID)",
                payload: ["token": .string(tokenID.uuidString)]))
            return true
        }
    }

    /// Revokes every token of the user; returns how many there were. Audited also when there were none, so
    /// the trail shows that the revocation was asked for.
    public static func revokeAllTokens(
        of userID: UUID, reason: RevocationReason, by actor: AuditActor, in store: Store, clock: any WallClock
    ) async throws -> Int {
        try await store.write(clock: clock) { tx in try await revokeAllTokens(of: userID, reason: reason, by: actor, in: tx) }
    }

    @discardableResult
    private static func revokeAllTokens(
        of userID: UUID, reason: RevocationReason, by actor: AuditActor, in tx: WriteTransaction
    ) async throws -> Int {
        let count = try await AccountStore.deleteTokens(of: userID, in: tx)
        try await tx.audit(AuditEventDraft(
            actor: actor, action: .userTokenRevokeAll, subject: "user:\(userID)",
            payload: ["count": .int(Int64(count)), "reason": .string(reason.rawValue)]))
        return count
    }

    /// Signs `userID` in with a new browser session; returns its cookie token and the session.
    public static func signIn(
        _ userID: UUID, from address: String, in store: Store, clock: any WallClock
    ) async throws -> (token: String, session: WebSessions.Session) {
        try await store.write(clock: clock) { tx in
            let started = try await WebSessions.start(userID: userID, in: tx)
            try await tx.audit(AuditEventDraft(
                actor: .user(userID), action: .userSignIn, subject: "user:\(userID)", payload: ["address": .string(address)]))
            return started
        }
    }

    /// Signs the browser session out.
    public static func signOut(_ session: WebSessions.Session, in store: Store, clock: any WallClock) async throws {
        try await store.write(clock: clock) { tx in
            try await WebSessions.end(session, in: tx)
            try await tx.audit(AuditEventDraft(
                actor: .user(session.userID), action: .userSignOut, subject: "user:\(session.userID)", payload: [:]))
        }
    }

    /// Replaces the user's password hash, ends every other session of theirs and revokes their bearer tokens.
    public static func changePassword(
        of session: WebSessions.Session, to passwordHash: String, in store: Store, clock: any WallClock
    ) async throws {
        try await store.write(clock: clock) { tx in
            try await WebSessions.setPassword(hash: passwordHash, keeping: session, in: tx)
            let actor = AuditActor.user(session.userID)
            try await tx.audit(AuditEventDraft(actor: actor, action: .userPasswordChange, subject: "user:\(session.userID)", payload: [:]))
            try await revokeAllTokens(of: session.userID, reason: .passwordChange, by: actor, in: tx)
        }
    }

    private static func payload(_ grant: RoleGrant) -> CanonicalJSON {
        var members: [String: CanonicalJSON] = ["role": .string(grant.role.rawValue)]
        if let platform = grant.platform { members["platform"] = .string(platform) }
        return .object(members)
    }
}
