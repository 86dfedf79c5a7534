import Vapor

/// The route table; handlers live in `Controllers/` and `API/`.
func routes(_ app: Application) {
    do {  // operations
        app.get(SiteURL.healthz.pathComponents, use: HealthController.show)
        app.get(SiteURL.metrics.pathComponents, use: MetricsController.show)
        app.get(SiteURL.stylesheet.pathComponents, use: StylesheetController.show)
    }
    do {  // pages: signed in by session cookie, every POST checked for its form token (PageMiddleware)
        app.get(SiteURL.home.pathComponents, use: SessionController.home)
        app.get(SiteURL.login.pathComponents, use: SessionController.form)
        app.post(SiteURL.login.pathComponents, use: SessionController.signIn)
        app.post(SiteURL.logout.pathComponents, use: SessionController.signOut)
        app.get(SiteURL.password.pathComponents, use: PasswordController.form)
        app.post(SiteURL.password.pathComponents, use: PasswordController.change)
        app.post(SiteURL.passwordTokenRevocation(.key).pathComponents, use: PasswordController.revokeToken)
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
        // The body streams into the blob store (DocumentTransfer.store checks the form token first).
        app.on(.POST, SiteURL.caseDocuments(.key).pathComponents, body: .stream, use: CaseController.upload)
        app.get(SiteURL.caseDocument(.key, document: .key).pathComponents, use: CaseController.download)
        app.post(SiteURL.caseAccounts(.key).pathComponents, use: CaseController.registerAccount)
        app.post(SiteURL.caseAccountStatus(.key, account: .key).pathComponents, use: CaseController.changeAccount)
    }
    adminRoutes(app)
    do {  // JSON API: every route goes through `register`, which signs the caller in and applies its access rule
        app.register(.openAPI, OpenAPIDocument.show)
        app.register(.issueToken, AuthAPIController.issueToken)
        app.register(.listPlatforms, PlatformsAPIController.list)
        app.register(.showPlatformProcess, PlatformsAPIController.process)
        app.register(.createCase, CasesAPIController.create)
        app.register(.listCases, CasesAPIController.list)
        app.register(.showCase, CasesAPIController.show)
        app.register(.editCase, CasesAPIController.edit)
        app.register(.runCommand, CasesAPIController.runCommand)
        app.register(.listEvents, CasesAPIController.events)
        app.register(.listThreads, ThreadsAPIController.list)
        app.register(.openThread, ThreadsAPIController.open)
        app.register(.replyToThread, ThreadsAPIController.reply)
        app.register(.closeThread, ThreadsAPIController.close)
        app.register(.listDocuments, DocumentsAPIController.list)
        app.register(.uploadDocument, body: .stream, DocumentsAPIController.upload)
        app.register(.downloadDocument, DocumentsAPIController.download)
        app.register(.listAccounts, AccountsAPIController.list)
        app.register(.registerAccount, AccountsAPIController.register)
        app.register(.changeAccount, AccountsAPIController.change)
        app.register(.listTestSessions, AccountsAPIController.sessions)
    }
}
