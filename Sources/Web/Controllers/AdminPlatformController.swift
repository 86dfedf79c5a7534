import Domain
import Foundation
import Persistence
import Vapor
import Workflow

/// `/admin/platforms/{code}`: a platform's name, contact address and settings document, edited by an admin,
/// with the history of its changes (its audit events). A save made on a stale page is refused with what is
/// stored now, and the admin's input stays in the form.
enum AdminPlatformController {
    struct SettingsForm: Content {
        let name: String?
        let contact: String?
        let settings: String?
        let version: Int?
    }

    static func show(req: Request) async throws -> Response {
        _ = try req.requireAdmin()
        let platform = try await platform(req)
        return try await page(req, platform, form: nil, errors: [:], notice: nil).html.response()
    }

    static func save(req: Request) async throws -> Response {
        let admin = try req.requireAdmin()
        let l = req.pageLanguage
        let platform = try await platform(req)
        let form = try req.content.decode(SettingsForm.self)
        do {
            let saved = try await PlatformWorkflow.changeSettings(
                of: platform.code, name: form.name ?? "", contactEmail: form.contact ?? "", documentText: form.settings ?? "",
                expectedVersion: form.version ?? 0, by: admin.actor, in: req.store, clock: req.application.config.clock)
            return try await page(req, saved, form: nil, errors: [:], notice: l("Inställningarna är sparade.", "The settings are saved."))
                .html.response()
        } catch let failure as ValidationFailure {
            let errors = Dictionary(failure.errors.map { ($0.field, $0.message.text(in: l)) }) { first, _ in first }
            return try await page(req, platform, form: form, errors: errors, notice: nil).html.response(.unprocessableEntity)
        } catch let stale as PlatformStore.StaleVersion {
            let notice = l("Någon annan har ändrat inställningarna; så här ser de ut nu. Dina ändringar står kvar i formuläret.",
                           "Someone else changed the settings; this is how they are now. Your changes are still in the form.")
            let form = SettingsForm(name: form.name, contact: form.contact, settings: form.settings, version: stale.current.version)
            return try await page(req, stale.current, form: form, errors: [:], notice: notice).html.response(.conflict)
        }
    }

    private static func platform(_ req: Request) async throws -> PlatformStore.Platform {
        guard let code = req.parameters.get("code"), let platform = try await PlatformStore.platform(code.uppercased(), on: req.store)
        else { throw Abort(.notFound) }
        return platform
    }

    private static func page(
        _ req: Request, _ platform: PlatformStore.Platform, form: SettingsForm?, errors: [String: String], notice: String?
    ) async throws -> AdminPlatformShow.Model {
        let l = req.pageLanguage
        let events = try await AuditLog.events(about: PlatformWorkflow.subject(platform.code), on: req.store)
        let names = try await AccountStore.names(userIDs: Set(events.compactMap { $0.auditActor?.id }), on: req.store)
        let timestamps = ISO8601DateFormatter()
        timestamps.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let history = events.reversed().map { event in
            let actor = event.actorName(names, language: l)
            let what = event.auditAction == .platformCreate
                ? l("skapade plattformen", "created the platform")
                : l("ändrade inställningarna: ", "changed the settings: ") + event.payload
            return AdminPlatformShow.Change(
                time: timestamps.date(from: event.occurredAt).map(PageTime.format) ?? event.occurredAt, actor: actor, what: what)
        }
        return AdminPlatformShow.Model(
            context: req.pageContext, code: platform.code,
            name: form?.name ?? platform.settings.name, contactEmail: form?.contact ?? platform.settings.contactEmail?.value ?? "",
            settings: form?.settings ?? platform.settings.documentText, version: form?.version ?? platform.version,
            errors: errors, notice: notice, history: history)
    }
}
