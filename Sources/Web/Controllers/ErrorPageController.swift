import Domain
import Persistence
import Vapor

/// The HTML answer for an error on a page: sign-in for the signed out, 404 for anything not theirs, 403 for
/// a missing form token, and a plain 500 page (logged with the request id) for the unexpected.
enum ErrorPageController {
    static func response(for error: any Error, req: Request) async throws -> Response {
        let l = req.pageLanguage
        switch error {
        case PageRefusal.signInRequired:
            let next = req.method == .GET ? "?next=" + (req.url.path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? "/") : ""
            return req.redirect(to: SiteURL.login.path + next, redirectType: .normal)
        case PageRefusal.formToken:
            return page(req, .forbidden, l("Formuläret kunde inte tas emot", "The form could not be accepted"),
                        l("Formuläret saknade sin kontrollkod eller var för gammalt. Ladda om sidan och försök igen.",
                          "The form lacked its check code or was too old. Reload the page and try again."))
        case is CaseNotFound:
            return notFound(req)
        case let abort as any AbortError where abort.status == .notFound:
            return notFound(req)
        case let abort as any AbortError:
            return page(req, abort.status, "\(abort.status.code) \(abort.status.reasonPhrase)", abort.reason)
        default:
            req.logger.error("Unexpected error", metadata: ["error": "\(String(reflecting: error))"])
            return page(req, .internalServerError, l("Ett oväntat fel inträffade", "An unexpected error occurred"),
                        l("Försök igen om en stund. Felet har loggats som ", "Try again in a while. The error was logged as ")
                            + req.id + ".")
        }
    }

    static func notFound(_ req: Request) -> Response {
        let l = req.pageLanguage
        return page(req, .notFound, l("Sidan finns inte", "Page not found"),
                    l("Det finns ingen sida här som du kan se.", "There is no page here that you can see."))
    }

    private static func page(_ req: Request, _ status: HTTPStatus, _ title: String, _ message: String) -> Response {
        ErrorPage.Model(context: req.pageContext, title: title, message: message).html.response(status)
    }
}
