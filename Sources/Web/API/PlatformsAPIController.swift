import Domain
import Persistence
import Vapor

/// `GET /api/v1/platforms` and `GET /api/v1/platforms/{code}/process`.
enum PlatformsAPIController {
    struct PlatformDTO: Content {
        let code: String
        let title: LocalizedText
        let process: DefinitionReference
    }

    static func list(req: Request) async throws -> Response {
        let platforms = try await DefinitionStore.current(on: req.store).values
            .map { PlatformDTO(code: $0.platform, title: $0.title, process: $0.reference) }
            .sorted { $0.code < $1.code }
        return try json(platforms)
    }

    /// The definition new cases of the platform start on.
    static func process(req: Request) async throws -> Response {
        let code = req.parameters.get("code")?.uppercased() ?? ""
        guard let definition = try await DefinitionStore.current(on: req.store)[code] else {
            throw ProblemMiddleware.notFound(req.language)
        }
        return try json(definition)
    }

    /// Domain values in the API's camelCase keys.
    private static func json(_ value: some Encodable) throws -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(data: try APIKeys.encoder.encode(value)))
    }
}
