import Domain
import Fluent
import Persistence
import Vapor

extension Principal: Authenticatable {}

extension Request {
    /// The signed-in user, if any.
    var principal: Principal? { auth.get(Principal.self) }

    /// The signed-in user; a 401 problem when nobody is.
    func requirePrincipal() throws -> Principal {
        guard let principal else {
            throw APIProblem(
                status: .unauthorized, code: "unauthenticated",
                title: LocalizedText(sv: "Inloggning krävs", en: "Sign-in required"),
                detail: language == .sv
                    ? "Skicka en token i Authorization: Bearer … (POST /api/v1/auth/token)."
                    : "Send a token in Authorization: Bearer … (POST /api/v1/auth/token).",
                language: language)
        }
        return principal
    }
}

/// Signs in machine clients by their bearer token. The user's roles are read on every request, so a role
/// change counts from the next request.
struct BearerPrincipalAuthenticator: AsyncBearerAuthenticator {
    func authenticate(bearer: BearerAuthorization, for request: Request) async throws {
        guard let principal = try await AccountStore.principal(
            forToken: bearer.token, now: request.application.config.clock.now(), on: request.db)
        else { return }
        request.auth.login(principal)
    }
}
