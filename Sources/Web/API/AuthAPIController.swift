import Domain
import Persistence
import Workflow
import Vapor

/// `POST /api/v1/auth/token`: a bearer token for a machine client, in exchange for e-mail and password.
enum AuthAPIController {
    struct Credentials: Content {
        let email: String
        let password: String
    }

    struct TokenDTO: Content {
        let token: String
        let expiresAt: Date
    }

    /// How long a token lasts.
    static let tokenLifetime: TimeInterval = 12 * 3600

    static func issueToken(req: Request) async throws -> TokenDTO {
        let credentials = try req.content.decode(Credentials.self)
        let user: AccountStore.Account
        switch try await PasswordSignIn.check(email: credentials.email, password: credentials.password, req: req) {
        case .signedIn(let signedIn): user = signedIn
        case .wrong:
            throw APIProblem(
                status: .unauthorized, code: "bad-credentials",
                title: LocalizedText(sv: "Fel e-postadress eller lösenord", en: "Wrong e-mail address or password"),
                language: req.language)
        case .mustWait(let seconds):
            var problem = APIProblem(
                status: .tooManyRequests, code: "too-many-attempts",
                title: LocalizedText(sv: "För många misslyckade inloggningar", en: "Too many failed sign-ins"),
                detail: req.language == .sv
                    ? "Försök igen om \(seconds) sekunder." : "Try again in \(seconds) seconds.",
                language: req.language)
            problem.headers.replaceOrAdd(name: .retryAfter, value: "\(seconds)")
            throw problem
        }
        let userID = user.id
        let issued = try await AccountWorkflow.issueToken(
            for: userID, lifetime: tokenLifetime, by: .user(userID), in: req.store, clock: req.application.config.clock)
        return TokenDTO(token: issued.token, expiresAt: issued.expiresAt)
    }
}
