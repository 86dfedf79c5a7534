import Domain
import Persistence
import Workflow
import Vapor

/// Turns every error of the API into a problem response, so no client ever sees a stack trace or a bare 500
/// page, and logs the unexpected ones with the request id. Every answer of the API, problem or not, is marked
/// `nosniff` and `no-store`: it may hold a case's data. Errors of the pages pass on to `PageMiddleware`.
///
/// A plain `Middleware` rather than an `AsyncMiddleware`: an answered request passes through without a task
/// and two thread hops of its own; only a failure starts a task (a version conflict's problem reads the case's
/// process definition).
struct ProblemMiddleware: Middleware {
    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        guard request.isAPI else { return next.respond(to: request) }
        return next.respond(to: request).flatMapError { error in
            request.eventLoop.makeFutureWithTask { await response(for: error, request: request) }
        }.map { response in
            response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
            response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
            return response
        }
    }

    private func response(for error: any Error, request: Request) async -> Response {
        let problem = await problem(for: error, request: request)
        let response = problem.response(
            status: HTTPResponseStatus(statusCode: problem.status), contentType: APIProblem.mediaType)
        if problem.status == 401 { response.headers.replaceOrAdd(name: .wwwAuthenticate, value: "Bearer") }
        for (name, value) in problem.headers { response.headers.replaceOrAdd(name: name, value: value) }
        return response
    }

    private func problem(for error: any Error, request: Request) async -> APIProblem {
        let language = request.language
        switch error {
        case let problem as APIProblem:
            return problem
        case let failure as ValidationFailure:
            return APIProblem(
                status: .unprocessableEntity, code: "validation",
                title: LocalizedText(sv: "Uppgifterna är inte kompletta eller giltiga", en: "The input is incomplete or invalid"),
                errors: failure.errors, language: language)
        case is CaseNotFound:
            return Self.notFound(language)
        case let conflict as VersionConflict:
            var current: CaseDTO?
            if let principal = request.principal {
                current = try? await CaseDTO.make(conflict.current, for: principal, on: request.store)
            }
            return APIProblem(
                status: .conflict, code: "version-conflict",
                title: LocalizedText(
                    sv: "Ärendet har ändrats av någon annan", en: "The case was changed by someone else"),
                detail: language == .sv
                    ? "Du utgick från version \(conflict.expected), men ärendet är nu version \(conflict.current.state.version). Läs in det igen."
                    : "You worked from version \(conflict.expected), but the case is now at version \(conflict.current.state.version). Reload it.",
                language: language, current: current)
        case let refused as CaseRefused:
            let refusal = refused.refusal
            return APIProblem(
                status: Self.status(for: refusal.code), code: refusal.code.rawValue,
                title: refusal.message, detail: refusal.message.text(in: language),
                errors: refusal.items.map {
                    FieldError(
                        field: "items/\($0.rawValue)", code: "open",
                        message: LocalizedText(sv: "Punkten är inte klar.", en: "The item is not done."))
                },
                language: language)
        case let decoding as DecodingError:
            return APIProblem(
                status: .badRequest, code: "malformed-body",
                title: LocalizedText(sv: "Begäran kunde inte läsas", en: "The request could not be read"),
                detail: Self.describe(decoding), language: language)
        case let abort as any AbortError where abort.status == .payloadTooLarge:
            let limit = SiteURL.isDocumentUpload(String(request.url.path.dropFirst("/api/v1".count)))
                ? request.application.config.maxUploadBytes : APIRoute.jsonBodyLimit
            return APIProblem(
                status: .payloadTooLarge, code: "body-too-large",
                title: LocalizedText(sv: "Kroppen är för stor", en: "The body is too large"),
                detail: language == .sv
                    ? "Högst \(DocumentUpload.describe(bytes: limit)) tas emot här." : "At most \(DocumentUpload.describe(bytes: limit)) is taken here.",
                language: language)
        case let abort as any AbortError:
            if abort.status == .notFound {
                // The router found no route: for a path the API has under another method, that is a 405.
                let allowed = APIRoute.methods(forPath: request.url.path)
                guard allowed.isEmpty || allowed.contains(request.method) else {
                    var problem = APIProblem(
                        status: .methodNotAllowed, code: "method-not-allowed",
                        title: LocalizedText(sv: "Metoden stöds inte här", en: "Method not allowed"),
                        detail: "Allow: " + allowed.map(\.rawValue).joined(separator: ", "), language: language)
                    problem.headers.replaceOrAdd(name: .allow, value: allowed.map(\.rawValue).joined(separator: ", "))
                    return problem
                }
                return Self.notFound(language)
            }
            return APIProblem(
                status: abort.status, code: "http-\(abort.status.code)",
                title: LocalizedText(sv: abort.reason, en: abort.reason), language: language)
        default:
            request.logger.error("Unexpected error", metadata: ["error": "\(String(reflecting: error))"])
            return APIProblem(
                status: .internalServerError, code: "internal",
                title: LocalizedText(sv: "Ett oväntat fel inträffade", en: "An unexpected error occurred"),
                detail: "request-id \(request.id)", language: language)
        }
    }

    static func notFound(_ language: Language) -> APIProblem {
        APIProblem(status: .notFound, code: "not-found", title: LocalizedText(sv: "Hittades inte", en: "Not found"), language: language)
    }

    private static func status(for code: CaseRefusal.Code) -> HTTPResponseStatus {
        switch code {
        case .missingRole: .forbidden
        case .reasonRequired, .unknownItem, .itemNotInCurrentPhase, .decisionItem, .notADecision, .evidenceMissing,
            .unknownPhase:
            .unprocessableEntity
        default: .conflict
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, let context):
            "missing field \((context.codingPath + [key]).map(\.stringValue).joined(separator: "."))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            "field \(context.codingPath.map(\.stringValue).joined(separator: ".")): \(context.debugDescription)"
        @unknown default: "malformed JSON"
        }
    }
}
