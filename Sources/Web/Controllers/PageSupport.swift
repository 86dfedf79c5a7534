import Domain
import Plot
import Vapor

/// Why a page request is turned away before its handler's work.
enum PageRefusal: Error {
    /// Nobody is signed in; the page sends them to `/login` and back.
    case signInRequired
    /// A POST without its form token, or with another session's.
    case formToken
}

extension Request {
    /// The signed-in user, or a trip to the sign-in page.
    func requireSignedIn() throws -> Principal {
        guard let principal else { throw PageRefusal.signInRequired }
        return principal
    }

    /// The frame data of the page being answered.
    var pageContext: PageContext {
        PageContext(
            language: pageLanguage,
            user: principal.map { principal in
                PageContext.SignedInUser(
                    email: principal.email,
                    roles: principal.grants.map(\.role).sorted { $0.rawValue < $1.rawValue }.map(\.title),
                    isAdmin: principal.holds(.admin), isStaff: !principal.staffPlatforms.isEmpty)
            },
            csrfToken: csrfToken,
            path: url.path + (url.query.map { "?" + $0 } ?? ""))
    }

    /// A path inside this site to go to next (``LocalRedirect``); nil when none was asked for.
    func localPath(_ candidate: String?) -> String? {
        guard let candidate, !candidate.isEmpty else { return nil }
        return LocalRedirect.target(candidate)
    }
}

extension HTML {
    /// The page as an answer, UTF-8 HTML.
    func response(_ status: HTTPStatus = .ok) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .html
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(status: status, headers: headers, body: .init(string: render()))
    }
}
