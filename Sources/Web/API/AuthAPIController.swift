import Domain
import Persistence
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
        guard let user = try await AccountStore.user(email: credentials.email, on: req.db),
              try await req.password.async.verify(credentials.password, created: user.passwordHash)
        else {
            throw APIProblem(
                status: .unauthorized, code: "bad-credentials",
                title: LocalizedText(sv: "Fel e-postadress eller lösenord", en: "Wrong e-mail address or password"),
                language: req.language)
        }
        let userID = try user.requireID()
        let issued = try await req.db.write { tx in
            try await AccountStore.issueToken(userID: userID, lifetime: tokenLifetime, actor: "user:\(userID)", in: tx)
        }
        return TokenDTO(token: issued.token, expiresAt: issued.expiresAt)
    }
}
