import Metrics
import Prometheus

/// The process-wide metrics registry behind `/metrics`.
///
/// swift-metrics allows one bootstrap per process, so the registry is created and installed on first use,
/// whether by the server or by a test. Vapor then reports `http_requests_total`,
/// `http_request_errors_total` and `http_request_duration_seconds` for every route into it.
enum MetricsRegistry {
    static let shared: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return registry
    }()
}
