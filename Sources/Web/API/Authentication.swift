import Domain
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

extension Request {
    /// Signs in a machine client by its bearer token, if it sent one. The user's roles are read on every
    /// request, so a role change counts from the next request. Called by `register` in the handler's task: as
    /// an `AsyncMiddleware` it cost every API request a task and two thread hops of its own.
    func signInByBearerToken() async throws {
        guard let bearer = headers.bearerAuthorization,
              let principal = try await AccountStore.principal(forToken: bearer.token, now: application.config.clock.now(), on: store)
        else { return }
        auth.login(principal)
    }
}
