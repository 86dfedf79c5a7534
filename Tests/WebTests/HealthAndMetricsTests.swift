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
        try await withTestApp(adjust: { $0.metricsToken = "scrape-secret" }) { app in
            try await app.testing().test(.GET, "healthz") { _ async in }
            try await app.testing().test(.GET, "metrics", headers: ["Authorization": "Bearer scrape-secret"]) { response async in
                #expect(response.status == .ok)
                #expect(response.headers.contentType?.description.hasPrefix("text/plain") == true)
                let text = response.body.string
                #expect(text.contains("# TYPE http_requests_total counter"))
                #expect(text.contains(#"http_requests_total{method="GET",path="/healthz",status="200"}"#))
                #expect(text.contains("http_request_duration_seconds"))
            }
        }
    }

    @Test("/metrics with a token set: no token or a wrong one is a 401")
    func metricsToken() async throws {
        try await withTestApp(adjust: { $0.metricsToken = "scrape-secret" }) { app in
            for headers: HTTPHeaders in [[:], ["Authorization": "Bearer wrong-secret"], ["Authorization": "Basic c2NyYXBlLXNlY3JldA=="]] {
                let response = try await app.testing().sendRequest(.GET, "metrics", headers: headers)
                #expect(response.status == .unauthorized)
                #expect(response.headers.first(name: .wwwAuthenticate) == "Bearer")
                #expect(!response.body.string.contains("http_requests_total"))
            }
        }
    }

    @Test("/metrics without a token answers the loopback peer only, and not through a proxy")
    func metricsLoopbackOnly() async throws {
        try await withTestApp { app in
            // In memory there is no peer at all: refused.
            #expect(try await app.testing().sendRequest(.GET, "metrics").status == .forbidden)
            let socket = try app.testing(method: .running(hostname: "127.0.0.1", port: 0))
            #expect(try await socket.sendRequest(.GET, "metrics").status == .ok)
            let proxied = try await socket.sendRequest(.GET, "metrics", headers: ["X-Forwarded-For": "203.0.113.9"])
            #expect(proxied.status == .forbidden)
        }
    }
}
