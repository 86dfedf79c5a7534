import Domain
import Vapor

/// The language switch: remembered in a cookie for a year, then back to the page it was used on.
enum LanguageController {
    struct Choice: Content {
        let language: String?
        let `return`: String?
    }

    static func choose(req: Request) async throws -> Response {
        let choice = try req.content.decode(Choice.self)
        let language = choice.language.flatMap(Domain.Language.init(rawValue:)) ?? .sv
        let response = req.redirect(to: req.localPath(choice.return) ?? SiteURL.home.path, redirectType: .normal)
        response.cookies[PageCookie.language] = PageCookie.value(language.rawValue, for: req, maxAge: 365 * 24 * 3600)
        return response
    }
}
