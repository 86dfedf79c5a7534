import Vapor

/// The route table; handlers live in `Controllers/` and `API/`.
func routes(_ app: Application) {
    do {  // operations
        app.get(SiteURL.healthz.pathComponents, use: HealthController.show)
        app.get(SiteURL.metrics.pathComponents, use: MetricsController.show)
    }
    do {  // pages: signed in by session cookie, every POST checked for its form token (PageMiddleware)
        app.get(SiteURL.home.pathComponents, use: SessionController.home)
        app.get(SiteURL.login.pathComponents, use: SessionController.form)
        app.post(SiteURL.login.pathComponents, use: SessionController.signIn)
        app.post(SiteURL.logout.pathComponents, use: SessionController.signOut)
        app.get(SiteURL.password.pathComponents, use: PasswordController.form)
        app.post(SiteURL.password.pathComponents, use: PasswordController.change)
        app.post(SiteURL.language.pathComponents, use: LanguageController.choose)
        app.get(SiteURL.cases.pathComponents, use: CaseListController.list)
        app.get(SiteURL.tasks.pathComponents, use: TaskListController.list)
        app.get(SiteURL.newCase.pathComponents, use: OrderController.newForm)
        app.post(SiteURL.newCase.pathComponents, use: OrderController.create)
        app.get(SiteURL.caseShow(.key).pathComponents, use: CaseController.show)
        app.get(SiteURL.caseOrder(.key).pathComponents, use: OrderController.show)
        app.post(SiteURL.caseOrder(.key).pathComponents, use: OrderController.save)
        app.post(SiteURL.caseCommands(.key).pathComponents, use: CaseController.command)
        app.post(SiteURL.caseThreads(.key).pathComponents, use: CaseController.openThread)
        app.post(SiteURL.threadMessages(.key, thread: .key).pathComponents, use: CaseController.reply)
        // PageMiddleware reads an upload's body (for its form token) with the same limit.
        app.on(
            .POST, SiteURL.caseDocuments(.key).pathComponents,
            body: .collect(maxSize: DocumentsAPIController.bodyLimit(app.config)), use: CaseController.upload)
        app.get(SiteURL.caseDocument(.key, document: .key).pathComponents, use: CaseController.download)
    }
    adminRoutes(app)
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
        api.register(.listDocuments, DocumentsAPIController.list)
        api.register(
            .uploadDocument, body: .collect(maxSize: DocumentsAPIController.bodyLimit(app.config)),
            DocumentsAPIController.upload)
        api.register(.downloadDocument, DocumentsAPIController.download)
    }
}
