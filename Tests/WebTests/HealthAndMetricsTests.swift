import Foundation
import TestSupport
import Testing
import Vapor
import VaporTesting

@Suite("Health and metrics endpoints")
struct HealthAndMetricsTests {
    @Test("/healthz names the engine and proves the database answers")
    func healthz() async throws {
        try await withTestApp { app in
            try await app.testing().test(.GET, "healthz") { response async throws in
                #expect(response.status == .ok)
                let body = try response.content.decode([String: String].self)
                #expect(body == ["status": "ok", "database": TestEngine.current.rawValue])
            }
        }
    }

    @Test("/metrics speaks the Prometheus text format and counts requests with their latency")
    func metrics() async throws {
        try await withTestApp { app in
            try await app.testing().test(.GET, "healthz") { _ async in }
            try await app.testing().test(.GET, "metrics") { response async in
                #expect(response.status == .ok)
                #expect(response.headers.contentType?.description.hasPrefix("text/plain") == true)
                let text = response.body.string
                #expect(text.contains("# TYPE http_requests_total counter"))
                #expect(text.contains(#"http_requests_total{method="GET",path="/healthz",status="200"}"#))
                #expect(text.contains("http_request_duration_seconds"))
            }
        }
    }
}
