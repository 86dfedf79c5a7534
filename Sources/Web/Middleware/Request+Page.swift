import Domain
import Persistence
import Vapor

/// What the page middleware learns about a request: the session, the form token, the language.
extension Request {
    private struct SessionKey: StorageKey { typealias Value = WebSessions.Session }
    private struct IssuedTokenKey: StorageKey { typealias Value = String }
    private struct IsAPIKey: StorageKey { typealias Value = Bool }

    /// The browser session the request came with, if it is alive.
    var pageSession: WebSessions.Session? {
        get { storage[SessionKey.self] }
        set { storage[SessionKey.self] = newValue }
    }

    /// The token every form on the page must send back: the session's once signed in; before that, the
    /// visitor's `anslut_csrf` cookie, made on first need.
    var csrfToken: String {
        if let session = pageSession { return session.csrfToken }
        if let cookie = cookies[PageCookie.csrf]?.string, !cookie.isEmpty { return cookie }
        if let issued = storage[IssuedTokenKey.self] { return issued }
        let issued = SecretToken.random()
        storage[IssuedTokenKey.self] = issued
        return issued
    }

    /// A form token made during this request, for the response to set as a cookie.
    var issuedCSRFToken: String? { storage[IssuedTokenKey.self] }

    /// The language of the pages: English when the visitor chose it (remembered in a cookie), else Swedish.
    var pageLanguage: Domain.Language {
        cookies[PageCookie.language]?.string == Domain.Language.en.rawValue ? .en : .sv
    }

    /// Whether the request is for the JSON API, which answers problems and takes bearer tokens only.
    /// Asked by several middlewares per request and kept: `URI.path` goes through Foundation each time.
    var isAPI: Bool {
        if let known = storage[IsAPIKey.self] { return known }
        let path = url.path
        let isAPI = path == "/api" || path.hasPrefix("/api/")
        storage[IsAPIKey.self] = isAPI
        return isAPI
    }
}

/// The cookies of the pages; all HttpOnly and SameSite=Lax, and Secure when the request came over TLS.
enum PageCookie {
    static let session = "anslut_session"
    static let csrf = "anslut_csrf"
    static let language = "anslut_lang"

    static func value(_ value: String, for req: Request, maxAge: Int?) -> HTTPCookies.Value {
        HTTPCookies.Value(
            string: value, maxAge: maxAge, path: "/", isSecure: req.cameOverTLS, isHTTPOnly: true, sameSite: .lax)
    }

    static func expired(for req: Request) -> HTTPCookies.Value {
        HTTPCookies.Value(string: "", maxAge: 0, path: "/", isSecure: req.cameOverTLS, isHTTPOnly: true, sameSite: .lax)
    }
}
