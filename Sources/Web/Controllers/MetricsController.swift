import Domain
import Vapor

/// `GET /metrics`: every metric in the Prometheus text exposition format, for the monitoring system only.
/// With `ANSLUT_METRICS_TOKEN` set it asks for that bearer token; without it, it answers only a direct peer on
/// the loopback address that no proxy forwarded, since the figures tell an outsider how the service is used.
enum MetricsController {
    static func show(req: Request) async throws -> Response {
        if let refusal = refusal(req) { return refusal }
        var buffer: [UInt8] = []
        MetricsRegistry.shared.emit(into: &buffer)
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "plain", parameters: ["version": "0.0.4"])
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(status: .ok, headers: headers, body: .init(data: Data(buffer)))
    }

    private static func refusal(_ req: Request) -> Response? {
        if let expected = req.application.config.metricsToken {
            guard let sent = req.headers.bearerAuthorization?.token, sameSecret(sent, expected) else {
                var headers = HTTPHeaders()
                headers.replaceOrAdd(name: .wwwAuthenticate, value: "Bearer")
                return Response(status: .unauthorized, headers: headers, body: "Send the metrics token as Authorization: Bearer.\n")
            }
            return nil
        }
        let forwarded = req.headers.contains(name: .forwarded) || req.headers.contains(name: .xForwardedFor)
        guard let peer = req.directPeer.flatMap(IPAddress.init), peer.isLoopback, !forwarded else {
            return Response(status: .forbidden, body: "Metrics answer the loopback address only, unless ANSLUT_METRICS_TOKEN is set.\n")
        }
        return nil
    }
}
