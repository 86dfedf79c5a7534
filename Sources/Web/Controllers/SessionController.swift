import Domain
import Persistence
import Vapor

/// Signing in and out with e-mail and password; the start page sends each person on to their work.
enum SessionController {
    struct SignInForm: Content {
        let email: String?
        let password: String?
        let next: String?
    }

    static func home(req: Request) async throws -> Response {
        _ = try req.requireSignedIn()
        return req.redirect(to: SiteURL.cases.path, redirectType: .normal)
    }

    static func form(req: Request) async throws -> Response {
        if req.principal != nil { return req.redirect(to: SiteURL.home.path, redirectType: .normal) }
        return Login.Model(context: req.pageContext, email: "", next: req.localPath(req.query[String.self, at: "next"]),
                           message: nil).html.response()
    }

    static func signIn(req: Request) async throws -> Response {
        let form = try req.content.decode(SignInForm.self)
        let email = (form.email ?? "").trimmingCharacters(in: .whitespaces)
        let address = req.peerAddress?.ipAddress ?? req.remoteAddress?.ipAddress ?? "unknown"
        let keys = [LoginThrottle.account(email), LoginThrottle.address(address)]
        let l = req.pageLanguage
        func refuse(_ message: String, _ status: HTTPStatus) -> Response {
            Login.Model(context: req.pageContext, email: email, next: req.localPath(form.next), message: message)
                .html.response(status)
        }
        func tryAgain(_ seconds: Int) -> String {
            l("För många misslyckade inloggningar. Försök igen om \(seconds) sekunder.",
              "Too many failed sign-ins. Try again in \(seconds) seconds.")
        }
        // Checked before the password, so a waiting key learns nothing from its guesses.
        if let wait = try await LoginThrottle.secondsToWait(keys, now: req.application.config.clock.now(), on: req.db) {
            return refuse(tryAgain(wait), .tooManyRequests)
        }
        let user = try await AccountStore.user(email: email, on: req.db)
        var valid = false
        if let user { valid = try await req.password.async.verify(form.password ?? "", created: user.passwordHash) }
        guard let user, valid else {
            req.logger.notice("Sign-in failed", metadata: ["address": "\(address)"])
            let wait = try await req.db.write(clock: req.application.config.clock) { tx in try await LoginThrottle.recordFailure(keys, in: tx) }
            return refuse(
                wait.map(tryAgain) ?? l("Fel e-postadress eller lösenord.", "Wrong e-mail address or password."),
                wait == nil ? .unauthorized : .tooManyRequests)
        }
        let userID = try user.requireID()
        let (token, _) = try await req.db.write(clock: req.application.config.clock) { tx in
            try await LoginThrottle.clear(keys[0], in: tx)
            return try await WebSessions.start(userID: userID, address: address, in: tx)
        }
        let response = req.redirect(to: req.localPath(form.next) ?? SiteURL.home.path, redirectType: .normal)
        // No Max-Age: the cookie ends with the browser; the database ends the session after idle time.
        response.cookies[PageCookie.session] = PageCookie.value(token, for: req, maxAge: nil)
        return response
    }

    static func signOut(req: Request) async throws -> Response {
        if let session = req.pageSession {
            try await req.db.write(clock: req.application.config.clock) { tx in try await WebSessions.end(session, in: tx) }
        }
        let response = req.redirect(to: SiteURL.login.path, redirectType: .normal)
        response.cookies[PageCookie.session] = PageCookie.expired(for: req)
        return response
    }
}
