import Persistence
import Vapor

/// `GET /healthz`: whether the server can reach its database, for load balancers and monitoring.
enum HealthController {
    struct Health: Content {
        let status: String
        let database: String
    }

    static func show(req: Request) async throws -> Response {
        let engine = req.store.engine
        do {
            try await StorageProbe.ping(req.store)
            return try await Health(status: "ok", database: engine.rawValue).encodeResponse(for: req)
        } catch {
            req.logger.error("Health check failed", metadata: ["error": "\(DriverErrorDescription.short(error))"])
            let response = try await Health(status: "unavailable", database: engine.rawValue)
                .encodeResponse(for: req)
            response.status = .serviceUnavailable
            return response
        }
    }
}
