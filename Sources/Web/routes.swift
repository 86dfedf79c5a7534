import Vapor

/// The route table; handlers live in `Controllers/` and `API/`.
func routes(_ app: Application) {
    do {  // operations
        app.get(SiteURL.healthz.pathComponents, use: HealthController.show)
        app.get(SiteURL.metrics.pathComponents, use: MetricsController.show)
    }
    do {  // JSON API: every route goes through `register`, which applies its access rule
        let api = app.grouped(BearerPrincipalAuthenticator())
        api.register(.openAPI, OpenAPIDocument.show)
        api.register(.issueToken, AuthAPIController.issueToken)
        api.register(.listPlatforms, PlatformsAPIController.list)
        api.register(.showPlatformProcess, PlatformsAPIController.process)
        api.register(.createCase, CasesAPIController.create)
        api.register(.listCases, CasesAPIController.list)
        api.register(.showCase, CasesAPIController.show)
        api.register(.editCase, CasesAPIController.edit)
        api.register(.runCommand, CasesAPIController.runCommand)
        api.register(.listEvents, CasesAPIController.events)
        api.register(.listThreads, ThreadsAPIController.list)
        api.register(.openThread, ThreadsAPIController.open)
        api.register(.replyToThread, ThreadsAPIController.reply)
        api.register(.closeThread, ThreadsAPIController.close)
    }
}
