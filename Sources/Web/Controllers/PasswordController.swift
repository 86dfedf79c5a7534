import Domain
import Persistence
import Workflow
import Vapor

/// Changing one's own password: the current one first, the new one twice, at least the policy's length.
/// The same page lists the person's bearer tokens and revokes one.
enum PasswordController {
    struct ChangeForm: Content {
        let current: String?
        let new: String?
        let `repeat`: String?
    }

    static func form(req: Request) async throws -> Response {
        let principal = try req.requireSignedIn()
        let revoked = req.query[String.self, at: "revoked"] == "1"
        return try await page(req, principal, errors: [], changed: false, revoked: revoked).html.response()
    }

    /// `POST /password/tokens/{id}/revoke`: revokes one of the person's own tokens, then back to the page.
    static func revokeToken(req: Request) async throws -> Response {
        let principal = try req.requireSignedIn()
        guard let tokenID = req.parameters.get("id", as: UUID.self) else { throw CaseNotFound() }
        let revoked = try await AccountWorkflow.revokeToken(
            tokenID, of: principal.userID, by: principal.actor, in: req.store, clock: req.application.config.clock)
        guard revoked else { throw CaseNotFound() }
        return req.redirect(to: SiteURL.password.path + "?revoked=1", redirectType: .normal)
    }

    private static func page(
        _ req: Request, _ principal: Principal, errors: [String], changed: Bool, revoked: Bool = false
    ) async throws -> Password.Model {
        let l = req.pageLanguage
        let tokens = try await AccountStore.tokens(
            of: principal.userID, now: req.application.config.clock.now(), on: req.store)
        return Password.Model(
            context: req.pageContext, errors: errors, changed: changed,
            tokens: tokens.map { token in
                Password.Token(
                    revokeAction: SiteURL.passwordTokenRevocation(.value(token.id)).path,
                    created: token.createdAt.map(PageTime.format) ?? "–", expires: PageTime.format(token.expiresAt),
                    lastUsed: token.lastUsedAt.map(PageTime.format) ?? l("aldrig", "never"))
            },
            revoked: revoked)
    }

    static func change(req: Request) async throws -> Response {
        let principal = try req.requireSignedIn()
        guard let session = req.pageSession else { throw PageRefusal.signInRequired }
        let form = try req.content.decode(ChangeForm.self)
        let l = req.pageLanguage
        var errors: [String] = []
        let user = try await AccountStore.user(id: principal.userID, on: req.store)
        // Bcrypt is slow on purpose: the async form runs it off the event loop.
        var currentValid = false
        if let user { currentValid = try await req.password.async.verify(form.current ?? "", created: user.passwordHash) }
        if !currentValid {
            errors.append(l("Det nuvarande lösenordet stämmer inte.", "The current password is wrong."))
        }
        let new = form.new ?? ""
        if let rule = PasswordPolicy.check(new, field: "new") { errors.append(rule.message.text(in: l)) }
        if new != form.repeat {
            errors.append(l("De två nya lösenorden är olika.", "The two new passwords differ."))
        }
        guard errors.isEmpty else {
            return try await page(req, principal, errors: errors, changed: false).html.response(.unprocessableEntity)
        }
        let hash = try await req.password.async.hash(new)
        try await AccountWorkflow.changePassword(of: session, to: hash, in: req.store, clock: req.application.config.clock)
        return try await page(req, principal, errors: [], changed: true).html.response()
    }
}
