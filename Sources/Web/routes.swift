import Vapor

/// The route table; handlers live in `Controllers/`.
func routes(_ app: Application) {
    do {  // operations
        app.get(SiteURL.healthz.pathComponents, use: HealthController.show)
        app.get(SiteURL.metrics.pathComponents, use: MetricsController.show)
    }
}
