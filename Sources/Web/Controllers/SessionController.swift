import Domain
import Persistence
import Workflow
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
        let l = req.pageLanguage
        func refuse(_ message: String, _ status: HTTPStatus) -> Response {
            Login.Model(context: req.pageContext, email: email, next: req.localPath(form.next), message: message)
                .html.response(status)
        }
        let user: AccountStore.Account
        switch try await PasswordSignIn.check(email: email, password: form.password ?? "", req: req) {
        case .signedIn(let signedIn): user = signedIn
        case .wrong: return refuse(l("Fel e-postadress eller lösenord.", "Wrong e-mail address or password."), .unauthorized)
        case .mustWait(let seconds):
            let response = refuse(
                l("För många misslyckade inloggningar. Försök igen om \(seconds) sekunder.",
                  "Too many failed sign-ins. Try again in \(seconds) seconds."),
                .tooManyRequests)
            response.headers.replaceOrAdd(name: .retryAfter, value: "\(seconds)")
            return response
        }
        let userID = user.id
        let (token, _) = try await AccountWorkflow.signIn(userID, from: req.clientAddress, in: req.store, clock: req.application.config.clock)
        let response = req.redirect(to: req.localPath(form.next) ?? SiteURL.home.path, redirectType: .normal)
        // No Max-Age: the cookie ends with the browser; the database ends the session after idle time.
        response.cookies[PageCookie.session] = PageCookie.value(token, for: req, maxAge: nil)
        return response
    }

    static func signOut(req: Request) async throws -> Response {
        if let session = req.pageSession {
            try await AccountWorkflow.signOut(session, in: req.store, clock: req.application.config.clock)
        }
        let response = req.redirect(to: SiteURL.login.path, redirectType: .normal)
        response.cookies[PageCookie.session] = PageCookie.expired(for: req)
        return response
    }
}
