import Vapor

/// `GET /metrics`: every metric in the Prometheus text exposition format.
enum MetricsController {
    static func show(req: Request) async throws -> Response {
        var buffer: [UInt8] = []
        MetricsRegistry.shared.emit(into: &buffer)
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "plain", parameters: ["version": "0.0.4"])
        return Response(status: .ok, headers: headers, body: .init(data: Data(buffer)))
    }
}
