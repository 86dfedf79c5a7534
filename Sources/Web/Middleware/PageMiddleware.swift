import Domain
import Persistence
import Vapor

/// Everything outside `/api`: signs the browser in from its session cookie (roles read fresh, so a change
/// counts from the next request), refuses a state-changing request whose form token is missing or wrong,
/// turns every error into an HTML page, and adds the form-token cookie and the security headers. Installed
/// through `PagesOnly`, so it never sees a request for the API.
struct PageMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response: Response
        do {
            try await signIn(req)
            try await checkFormToken(req)
            response = try await next.respond(to: req)
        } catch {
            response = try await ErrorPageController.response(for: error, req: req)
        }
        if let token = req.issuedCSRFToken {
            response.cookies[PageCookie.csrf] = PageCookie.value(token, for: req, maxAge: nil)
        }
        response.headers.replaceOrAdd(name: "Content-Security-Policy", value: "default-src 'self'; form-action 'self'; frame-ancestors 'none'")
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        response.headers.replaceOrAdd(name: "Referrer-Policy", value: "same-origin")
        return response
    }

    private func signIn(_ req: Request) async throws {
        guard let token = req.cookies[PageCookie.session]?.string,
              let session = try await WebSessions.session(
                forToken: token, now: req.application.config.clock.now(), on: req.store),
              let principal = try await AccountStore.principal(userID: session.userID, on: req.store)
        else { return }
        req.pageSession = session
        req.auth.login(principal)
    }

    private func checkFormToken(_ req: Request) async throws {
        guard ![.GET, .HEAD].contains(req.method) else { return }
        // A document upload streams: its handler checks the token, sent as the form's first field, before it
        // takes in the file (`DocumentTransfer.store`). Its route needs a signed-in user.
        if SiteURL.isDocumentUpload(req.url.path) {
            guard req.principal != nil else { throw PageRefusal.formToken }
            return
        }
        // Read before the handler does, so the body is collected once.
        _ = try await req.body.collect(max: req.application.routes.defaultMaxBodySize.value).get()
        try req.checkFormToken(sent: (try? req.content.get(String.self, at: "csrf")) ?? "")
    }
}

extension Request {
    /// Refuses a form whose token is not this browser's: missing, wrong, or sent before the browser had one.
    func checkFormToken(sent: String) throws {
        guard issuedCSRFToken == nil, sameSecret(sent, csrfToken) else { throw PageRefusal.formToken }
    }
}
