import Domain
import Vapor

/// Every route of the JSON API with who may call it: the one place route-level access is decided.
///
/// Case-level access (which cases a user sees, and with which roles) is decided in one other place,
/// `Principal.roles(onCaseOf:organisation:status:)`, through `CaseAccess.visibleCase`; the engine then checks
/// the command against those roles.
enum APIRoute: CaseIterable {
    case issueToken
    case listPlatforms
    case showPlatformProcess
    case createCase
    case listCases
    case showCase
    case editCase
    case runCommand
    case listEvents
    case listThreads
    case openThread
    case replyToThread
    case closeThread
    case listDocuments
    case uploadDocument
    case downloadDocument
    case listAccounts
    case registerAccount
    case changeAccount
    case listTestSessions
    case closeTestSession
    case showTestProtocol
    case showQueue
    case listAssessments
    case createAssessment
    case openAPI

    /// Who may call a route at all.
    enum Access: Equatable {
        /// Anyone, signed in or not.
        case anyone
        /// Any signed-in user; what they then see is scoped to their cases.
        case signedIn
        /// Signed-in users holding one of these roles (on any platform or organisation).
        case holdersOf(Set<Role>)
    }

    var method: HTTPMethod {
        switch self {
        case .issueToken, .createCase, .runCommand, .openThread, .replyToThread, .closeThread, .uploadDocument,
            .registerAccount, .closeTestSession, .createAssessment:
            .POST
        case .editCase, .changeAccount: .PATCH
        case .listPlatforms, .showPlatformProcess, .listCases, .showCase, .listEvents, .listThreads, .listDocuments,
            .downloadDocument, .listAccounts, .listTestSessions, .showTestProtocol, .showQueue, .listAssessments, .openAPI:
            .GET
        }
    }

    /// The path in OpenAPI form (`/api/v1/cases/{id}`).
    var path: String {
        switch self {
        case .issueToken: "/api/v1/auth/token"
        case .listPlatforms: "/api/v1/platforms"
        case .showPlatformProcess: "/api/v1/platforms/{code}/process"
        case .createCase, .listCases: "/api/v1/cases"
        case .showCase, .editCase: "/api/v1/cases/{id}"
        case .runCommand: "/api/v1/cases/{id}/commands"
        case .listEvents: "/api/v1/cases/{id}/events"
        case .listThreads, .openThread: "/api/v1/cases/{id}/threads"
        case .replyToThread: "/api/v1/cases/{id}/threads/{thread}/messages"
        case .closeThread: "/api/v1/cases/{id}/threads/{thread}/close"
        case .listDocuments, .uploadDocument: "/api/v1/cases/{id}/documents"
        case .downloadDocument: "/api/v1/cases/{id}/documents/{document}"
        case .listAccounts, .registerAccount: "/api/v1/cases/{id}/accounts"
        case .changeAccount: "/api/v1/cases/{id}/accounts/{account}"
        case .listTestSessions: "/api/v1/cases/{id}/test-sessions"
        case .closeTestSession: "/api/v1/cases/{id}/test-sessions/{session}/close"
        case .showTestProtocol: "/api/v1/cases/{id}/test-sessions/{session}/protocol"
        case .showQueue: "/api/v1/platforms/{code}/queue"
        case .listAssessments, .createAssessment: "/api/v1/cases/{id}/assessments"
        case .openAPI: "/api/openapi.json"
        }
    }

    var access: Access {
        switch self {
        case .issueToken, .openAPI: .anyone
        case .createCase: .holdersOf([.applicant])
        case .listPlatforms, .showPlatformProcess, .listCases, .showCase, .editCase, .runCommand, .listEvents,
            .listThreads, .openThread, .replyToThread, .closeThread, .listDocuments, .uploadDocument, .downloadDocument,
            .listAccounts, .listTestSessions, .closeTestSession, .showTestProtocol, .showQueue, .listAssessments:
            .signedIn
        case .createAssessment: .holdersOf([.coordinator])
        case .registerAccount, .changeAccount: .holdersOf([.technician])
        }
    }

    /// The schema of the route's JSON body (in the OpenAPI document's components); nil for routes without one.
    var requestSchema: String? {
        switch self {
        case .issueToken: "Credentials"
        case .createCase: "CreateCase"
        case .editCase: "EditCase"
        case .runCommand: "Command"
        case .openThread: "OpenThread"
        case .replyToThread: "Reply"
        case .registerAccount: "RegisterAccount"
        case .changeAccount: "ChangeAccount"
        case .createAssessment: "CreateAssessment"
        default: nil
        }
    }

    /// The largest JSON body a route takes; larger is a 413 problem that names it.
    static let jsonBodyLimit = 1_048_576

    /// The methods that `path` (a request's, `/api/v1/cases/…`) is served with, by the route table; empty
    /// for a path the API does not have.
    static func methods(forPath path: String) -> [HTTPMethod] {
        // Empty segments kept: `/api/v1/cases//commands` is no path of the API, not `/api/v1/cases/{id}`.
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        return allCases.filter { route in
            let pattern = route.path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
            return pattern.count == parts.count
                && zip(pattern, parts).allSatisfy { $0.hasPrefix("{") || $0 == $1 }
        }.map(\.method)
    }

    /// The path as Vapor registers it.
    var pathComponents: [PathComponent] {
        path.split(separator: "/").map { part in
            part.hasPrefix("{") ? .parameter(String(part.dropFirst().dropLast())) : .constant(String(part))
        }
    }

    /// Refuses a body that is not `application/json` (415) or not strict JSON (400, naming the byte), before
    /// any decoder reads it: a form-encoded body or JSON with a trailing comma is not what the API takes.
    func checkJSONBody(_ request: Request) throws {
        guard requestSchema != nil else { return }
        guard let type = request.headers.contentType, type.type.lowercased() == "application",
              type.subType.lowercased() == "json"
        else {
            throw APIProblem(
                status: .unsupportedMediaType, code: "unsupported-media-type",
                title: LocalizedText(sv: "Fel innehållstyp", en: "Unsupported media type"),
                detail: request.language == .sv
                    ? "Skicka kroppen som JSON med Content-Type: application/json."
                    : "Send the body as JSON with Content-Type: application/json.",
                language: request.language)
        }
        do throws(StrictJSON.SyntaxError) {
            try StrictJSON.validate(request.body.data?.readableBytesView ?? ByteBuffer().readableBytesView)
        } catch {
            throw APIProblem(
                status: .badRequest, code: "malformed-json",
                title: LocalizedText(sv: "Kroppen är inte giltig JSON", en: "The body is not valid JSON"),
                detail: "\(error.reason) (byte \(error.offset)).",
                language: request.language)
        }
    }

    /// Refuses the request unless `access` allows it: 401 without a user, 403 without the role.
    func authorize(_ request: Request) throws {
        switch access {
        case .anyone: return
        case .signedIn: _ = try request.requirePrincipal()
        case .holdersOf(let roles):
            let principal = try request.requirePrincipal()
            guard roles.contains(where: principal.holds) else {
                let names = roles.map(\.rawValue).sorted().joined(separator: ", ")
                throw APIProblem(
                    status: .forbidden, code: "missing-role",
                    title: LocalizedText(sv: "Behörighet saknas", en: "Not allowed"),
                    detail: request.language == .sv ? "Kräver rollen \(names)." : "Requires the role \(names).",
                    language: request.language)
            }
        }
    }
}

extension RoutesBuilder {
    /// Registers `handler` for `route`: the caller is signed in by bearer token, then the route's access rule
    /// applies.
    func register<Output: AsyncResponseEncodable>(
        _ route: APIRoute, body: HTTPBodyStreamStrategy = .collect(maxSize: ByteCount(value: APIRoute.jsonBodyLimit)),
        _ handler: @escaping @Sendable (Request) async throws -> Output
    ) {
        on(route.method, route.pathComponents, body: body) { request async throws -> Output in
            try await request.signInByBearerToken()
            try route.authorize(request)
            try route.checkJSONBody(request)
            return try await handler(request)
        }
    }
}
