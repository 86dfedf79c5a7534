import Domain
import Persistence
import ProcessFiles
import Workflow
import Vapor

/// `/cases/{id}` and the forms on it. Every case is looked up through `CaseAccess.visibleCase`, so a case
/// that is not the viewer's is a 404 page exactly like one that does not exist.
enum CaseController {
    struct CommandForm: Content {
        let command: String
        let version: Int?
        let item: String?
        let phase: String?
        let outcome: String?
        let reason: String?
        let evidence_comment: String?
        let evidence_attachment: String?
        let evidence_test_protocol: String?
        let evidence_assessment: String?
        /// Where to go once the command went through (a local path, such as the queue page it was given on).
        let return_to: String?
    }

    struct ThreadForm: Content {
        let kind: String?
        let text: String?
    }

    static func show(req: Request) async throws -> Response {
        let principal = try req.requireSignedIn()
        let l = req.pageLanguage
        let notice = req.query[String.self, at: "submitted"] != nil
            ? l("Beställningen är inskickad. Använd ärendenumret när du har kontakt med oss.",
                "The order is submitted. Quote the case number when you contact us.") : nil
        return try await page(try req.caseIDParameter(), for: principal, notice: notice, req: req)
    }

    /// The case page as `principal` sees it, with `problem` telling why the last form did not go through;
    /// `focus` names the item whose actions start open (the one a refused form was about).
    static func page(
        _ id: UUID, for principal: Principal, problem: [String] = [], notice: String? = nil, status: HTTPStatus = .ok,
        focus: String? = nil, req: Request
    ) async throws -> Response {
        let l = req.pageLanguage
        let (record, roles) = try await CaseAccess.visibleCase(id, to: principal, on: req.store)
        let definition = try await DefinitionStore.definition(record.state.definition, on: req.store)
        let threads = try await CaseThreads.threads(of: id, on: req.store)
        let documents = try await CaseDocuments.documents(of: id, on: req.store)
        let events = try await AuditLog.events(about: record.subject, on: req.store)
        let actors = Set(events.compactMap { if case .user(let id)? = $0.auditActor { id } else { nil } })
            .union(threads.flatMap { $0.messages.map(\.authorID) }).union(documents.map(\.uploadedBy))
            .union(record.state.items.values.compactMap { $0.changedBy.flatMap(UUID.init(uuidString:)) })
        let people = try await CasePeople.load(actors, viewer: principal.userID, record: record, language: l, on: req.store)
        // Read once: the page's verification part lists them, and the closed ones are test protocol evidence.
        let sessions = try await TestSessionStore.sessions(of: id, on: req.store)
        let standing = try await QueueWorkflow.standing(
            of: id, platform: record.platform, in: req.store, cache: req.application.queueCache)
        let assessments = try await AssessmentStore.history(of: id, on: req.store)
        let query = CasePage.Query(
            filter: req.query[String.self, at: "filter"].flatMap(CaseShow.Checklist.Filter.init(rawValue:)),
            item: req.query[String.self, at: "item"],
            events: req.query[String.self, at: "events"].flatMap(CaseTimeline.Kind.init(rawValue:)),
            eventsPage: req.query[Int.self, at: "events_page"] ?? 1)
        let casePage = CasePage(
            record: record, definition: definition, roles: roles, documents: documents,
            protocols: sessions.filter { $0.closedAt != nil }, assessments: assessments,
            events: events, people: people, query: query, now: req.application.config.clock.now(), language: l)
        let user = ActingUser(id: principal.userID.uuidString, roles: roles)
        let actions = CaseActions.available(
            record, definition: definition, user: user, language: l, evidenceFields: casePage.evidenceFields)
        let phase = definition.phases.first { $0.id == record.state.currentPhase }
        let openQuestions = threads.filter { thread in
            thread.kind == .question && thread.status == .open
                && !(people.roles[thread.createdBy]?.contains(.applicant) ?? false)
        }.count
        let todo = roles.contains(.applicant)
            ? casePage.todo(
                ApplicantTask.tasks(for: record.state, fields: record.fields, in: definition, openQuestions: openQuestions),
                standing: standing?.standing)
            : nil
        let model = CaseShow.Model(
            context: req.pageContext, id: id, number: record.number, platform: record.platform,
            organisation: record.organisationName, systemName: record.fields["system_name"] ?? "–",
            status: record.state.status.title.text(in: l), phase: phase?.title.text(in: l) ?? record.state.currentPhase.rawValue,
            version: record.state.version, problem: problem, notice: notice,
            risks: principal.isPlatformTeamOrAdmin ? definition.form.risks(record.fields).map { RiskFlagText.line($0, l) } : [],
            orderIsEditable: roles.contains(.applicant) && record.state.status.acceptsOrderChanges,
            queuePlace: standing.map { $0.standing.text(l) },
            progress: casePage.progress(questionsForApplicant: openQuestions), todo: todo,
            actions: actions.case,
            checklist: casePage.checklist(actions: actions.items, focus: focus ?? query.item),
            openQuestionCount: threads.filter { $0.kind == .question && $0.status == .open }.count,
            threads: threads.map { thread in
                CaseShow.Thread(
                    id: thread.id,
                    title: thread.kind == .question ? l("Fråga", "Question") : l("Kommentar", "Comment"),
                    status: title(thread.status, l),
                    isClosed: thread.status == .closed,
                    messages: thread.messages.map {
                        CaseShow.Message(author: people.name($0.authorID), time: PageTime.format($0.createdAt), body: $0.body)
                    })
            },
            documents: DocumentKind.allCases.compactMap { kind in
                let versions = documents.filter { $0.kind == kind }
                guard !versions.isEmpty else { return nil }
                return CaseShow.DocumentGroup(title: kind.title.text(in: l), versions: versions.map {
                    CaseShow.Document(
                        version: $0.version, fileName: $0.fileName, size: DocumentUpload.describe(bytes: $0.size),
                        uploader: people.name($0.uploadedBy), time: PageTime.format($0.uploadedAt),
                        href: SiteURL.caseDocument(.value(id), document: .value($0.id)).path)
                })
            },
            documentKinds: DocumentKind.allCases.map { ($0.rawValue, $0.title.text(in: l)) },
            maxUpload: DocumentUpload.describe(bytes: req.application.config.maxUploadBytes),
            timeline: casePage.timeline(),
            verification: try await CaseVerification.model(
                record, sessions: sessions, roles: roles, phaseTakesTraffic: phase?.takesVerificationTraffic ?? false, req: req),
            prioritisation: try await CasePrioritisation.model(
                record, roles: roles, standing: standing, assessments: assessments, req: req))
        return model.html.response(status)
    }

    static func command(req: Request) async throws -> Response {
        let principal = try req.requireSignedIn()
        let id = try req.caseIDParameter()
        let form = try req.content.decode(CommandForm.self)
        let (record, _) = try await CaseAccess.visibleCase(id, to: principal, on: req.store)
        let evidence = [
            ("comment", form.evidence_comment), ("attachment", form.evidence_attachment),
            ("test_protocol", form.evidence_test_protocol), ("assessment", form.evidence_assessment),
        ].compactMap { kind, reference in reference.map { CommandRequest.EvidenceInput(kind: kind, reference: $0) } }
        let request = CommandRequest(
            command: form.command, version: form.version, item: form.item, phase: form.phase, outcome: form.outcome,
            reason: form.reason, evidence: evidence, to: nil)
        // A command on an item comes back to its row, so its new state is in view.
        let back = form.item.map { SiteURL.caseShow(.value(id)).path + CasePage.itemQuery($0) }
            ?? form.return_to.map(LocalRedirect.target)
        return try await attempt(id, principal, req, focus: form.item, then: back) {
            let command = try await request.engineCommand(for: record, on: req.store)
            _ = try await CaseWorkflow.run(
                command, on: id, by: principal, expectedVersion: form.version,
                queueOverride: command == .start ? form.reason : nil, in: req.store, clock: req.application.config.clock)
        }
    }

    static func openThread(req: Request) async throws -> Response {
        let principal = try req.requireSignedIn()
        let id = try req.caseIDParameter()
        let form = try req.content.decode(ThreadForm.self)
        return try await attempt(id, principal, req) {
            _ = try await ThreadWorkflow.open(
                CaseThreads.Kind(rawValue: form.kind ?? "") ?? .comment, item: nil, text: form.text ?? "", on: id,
                by: principal, in: req.store, clock: req.application.config.clock)
        }
    }

    static func reply(req: Request) async throws -> Response {
        let principal = try req.requireSignedIn()
        let id = try req.caseIDParameter()
        guard let thread = req.parameters.get("thread").flatMap(UUID.init(uuidString:)) else { throw CaseNotFound() }
        let form = try req.content.decode(ThreadForm.self)
        return try await attempt(id, principal, req) {
            _ = try await ThreadWorkflow.reply(form.text ?? "", to: thread, on: id, by: principal, in: req.store, clock: req.application.config.clock)
        }
    }

    static func upload(req: Request) async throws -> Response {
        let principal = try req.requireSignedIn()
        let id = try req.caseIDParameter()
        // An upload from an item's actions comes back to that item, its actions open and the new document chosen.
        let item = req.query[String.self, at: "item"]
        let back = item.map { SiteURL.caseShow(.value(id)).path + CasePage.itemQuery($0) }
        return try await attempt(id, principal, req, focus: item, then: back) {
            _ = try await DocumentTransfer.store(req, caseID: id, principal: principal, checkingFormToken: true)
        }
    }

    struct AccountForm: Content {
        let application: String?
        let facility: String?
        let addresses: String?
        /// Calling AE titles separated by commas, spaces or line breaks.
        let aeTitles: String?
        let status: String?
        let version: Int?

        /// A field holding a list: its items separated by commas, spaces or line breaks.
        static func list(_ text: String?) -> [String] {
            (text ?? "").split(whereSeparator: { $0 == "," || $0.isWhitespace }).map(String.init)
        }
    }

    static func registerAccount(req: Request) async throws -> Response {
        let principal = try req.requireSignedIn()
        let id = try req.caseIDParameter()
        let form = try req.content.decode(AccountForm.self)
        return try await attempt(id, principal, req, then: SiteURL.caseShow(.value(id)).path + "#verification") {
            _ = try await SystemAccountWorkflow.register(
                .init(hl7SendingApplication: form.application ?? "", hl7SendingFacility: form.facility ?? "",
                      sourceAddresses: AccountForm.list(form.addresses), dicomAETitles: AccountForm.list(form.aeTitles)),
                on: id, by: principal, in: req.store, clock: req.application.config.clock)
        }
    }

    static func changeAccount(req: Request) async throws -> Response {
        let principal = try req.requireSignedIn()
        let id = try req.caseIDParameter()
        guard let account = req.parameters.get("account").flatMap(UUID.init(uuidString:)) else { throw CaseNotFound() }
        let form = try req.content.decode(AccountForm.self)
        guard let status = form.status.flatMap(SystemAccount.Status.init(rawValue:)) else { throw CaseNotFound() }
        return try await attempt(id, principal, req, then: SiteURL.caseShow(.value(id)).path + "#verification") {
            try await reportingStaleAccount {
                _ = try await SystemAccountWorkflow.setStatus(
                    status, of: account, on: id, expectedVersion: form.version ?? -1, reason: nil, by: principal,
                    in: req.store, clock: req.application.config.clock)
            }
        }
    }

    static func changeAccountAETitles(req: Request) async throws -> Response {
        let principal = try req.requireSignedIn()
        let id = try req.caseIDParameter()
        guard let account = req.parameters.get("account").flatMap(UUID.init(uuidString:)) else { throw CaseNotFound() }
        let form = try req.content.decode(AccountForm.self)
        return try await attempt(id, principal, req, then: SiteURL.caseShow(.value(id)).path + "#verification") {
            try await reportingStaleAccount {
                _ = try await SystemAccountWorkflow.setAETitles(
                    AccountForm.list(form.aeTitles), of: account, on: id, expectedVersion: form.version ?? -1,
                    by: principal, in: req.store, clock: req.application.config.clock)
            }
        }
    }

    /// An account changed since the page was read is said so at the form, with what it is now.
    private static func reportingStaleAccount(_ change: () async throws -> Void) async throws {
        do {
            try await change()
        } catch let stale as SystemAccountStore.StaleVersion {
            throw ValidationFailure([FieldError(
                field: "version", code: "stale",
                message: LocalizedText(
                    sv: "Kontot har ändrats av någon annan och är nu \(stale.current.status.title.sv).",
                    en: "The account was changed by someone else and is now \(stale.current.status.title.en)."))])
        }
    }

    static func closeTestSession(req: Request) async throws -> Response {
        let principal = try req.requireSignedIn()
        let id = try req.caseIDParameter()
        let session = try req.uuidParameter("session")
        let profiles = try req.application.hl7Profiles()
        let dicomProfiles = try req.application.dicomProfiles()
        return try await attempt(id, principal, req, then: SiteURL.caseShow(.value(id)).path + "#verification") {
            _ = try await TestSessionWorkflow.close(
                session, on: id, profiles: profiles, dicomProfiles: dicomProfiles, by: principal, in: req.store,
                clock: req.application.config.clock)
        }
    }

    static func download(req: Request) async throws -> Response {
        let principal = try req.requireSignedIn()
        let (record, _) = try await CaseAccess.visibleCase(try req.caseIDParameter(), to: principal, on: req.store)
        guard let document = req.parameters.get("document").flatMap(UUID.init(uuidString:)) else { throw CaseNotFound() }
        return try await DocumentTransfer.serve(
            try await CaseDocuments.document(document, of: record.id, on: req.store), req: req)
    }

    /// Runs a form's change, then back to the case page: on success by redirect (so a reload does not post
    /// again), on a refusal with the page as it is now and the reason.
    private static func attempt(
        _ id: UUID, _ principal: Principal, _ req: Request, focus: String? = nil, then: String? = nil,
        _ change: () async throws -> Void
    ) async throws -> Response {
        let l = req.pageLanguage
        do {
            try await change()
            return req.redirect(to: then ?? SiteURL.caseShow(.value(id)).path, redirectType: .normal)
        } catch is VersionConflict {
            return try await page(id, for: principal, problem: [
                l("Ärendet har ändrats av någon annan. Så här ser det ut nu; gör om det du ville om det behövs.",
                  "The case was changed by someone else. This is how it looks now; do again what you meant, if needed."),
            ], status: .conflict, focus: focus, req: req)
        } catch let refused as CaseRefused {
            return try await page(
                id, for: principal, problem: [refused.refusal.message.text(in: l)], status: .conflict, focus: focus,
                req: req)
        } catch let failure as ValidationFailure {
            return try await page(
                id, for: principal, problem: failure.errors.map { $0.message.text(in: l) }, status: .unprocessableEntity,
                focus: focus, req: req)
        }
    }

    private static func title(_ status: CaseThreads.Status, _ l: Domain.Language) -> String {
        switch status {
        case .open: l("obesvarad", "open")
        case .answered: l("besvarad", "answered")
        case .closed: l("stängd", "closed")
        }
    }
}
