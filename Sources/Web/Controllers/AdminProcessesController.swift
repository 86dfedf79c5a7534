import Domain
import Foundation
import Persistence
import Workflow
import ProcessFiles
import Vapor

/// `/admin/processes`: the published process definition versions, one version in full, and publishing the
/// processes folder's new versions. Published versions never change, so running cases are untouched.
enum AdminProcessesController {
    static func list(req: Request) async throws -> Response {
        _ = try req.requireAdmin()
        return try await page(req, outcome: nil).html.response()
    }

    static func show(req: Request) async throws -> Response {
        _ = try req.requireAdmin()
        let l = req.pageLanguage
        guard let id = req.parameters.get("id"), let number = req.parameters.get("version", as: Int.self),
              let definition = try await DefinitionStore.versions(of: id, on: req.store).first(where: { $0.version == number })
        else { throw Abort(.notFound) }
        let phases = definition.phases.map { phase in
            AdminProcessShow.Model.Phase(
                id: phase.id.rawValue, title: phase.title.text(in: l), decisionRole: phase.gate.decisionRole.title.text(in: l),
                decisions: phase.gate.decisions.map { definition.item($0)?.text.text(in: l) ?? $0.rawValue },
                sections: phase.sections.map { section in
                    AdminProcessShow.Model.Section(
                        id: section.id.rawValue, title: section.title.text(in: l),
                        items: section.items.map { item in
                            AdminProcessShow.Model.Item(
                                id: item.id.rawValue, text: item.text.text(in: l), kind: title(of: item.kind).text(in: l),
                                owner: item.owner.title.text(in: l), isRequired: item.isRequired,
                                evidence: item.evidence.sorted().map { $0.title.text(in: l) }.joined(separator: ", "))
                        })
                })
        }
        return AdminProcessShow.Model(
            context: req.pageContext, id: definition.id.rawValue, version: definition.version,
            title: definition.title.text(in: l), platform: definition.platform, contentHash: definition.contentHash,
            phases: phases
        ).html.response()
    }

    /// Reads the configured processes folder and publishes what is new, in one transaction: a file that
    /// cannot be read, or one that changes an already published version, publishes nothing at all.
    static func publish(req: Request) async throws -> Response {
        let admin = try req.requireAdmin()
        let l = req.pageLanguage
        let definitions: [ProcessDefinition]
        let matrices: [AssessmentMatrix]
        do throws(ProcessLoadError) {
            (definitions, matrices) = try ProcessFolder.load(URL(fileURLWithPath: req.application.config.processesDirectory))
        } catch {
            let messages = error.problems.map { "\($0.file):\($0.line):\($0.column): \($0.message.text(in: l))" }
            return try await page(req, outcome: .refused(messages)).html.response(.unprocessableEntity)
        }
        do {
            let published = try await DefinitionWorkflow.publish(
                definitions, matrices: matrices, by: admin.actor, in: req.store, clock: req.application.config.clock
            ).map(\.reference.description)
            return try await page(req, outcome: published.isEmpty ? .nothingNew : .published(published)).html.response()
        } catch let conflict as DefinitionStore.Conflict {
            return try await page(req, outcome: .refused([message(conflict).text(in: l)])).html.response(.conflict)
        } catch let conflict as MatrixStore.Conflict {
            return try await page(req, outcome: .refused([conflict.message.text(in: l)])).html.response(.conflict)
        } catch let mismatch as DefinitionWorkflow.MatrixMismatch {
            return try await page(req, outcome: .refused(mismatch.problems.map { "\(mismatch.matrix): \($0.text(in: l))" }))
                .html.response(.unprocessableEntity)
        }
    }

    private static func page(_ req: Request, outcome: AdminProcesses.Model.Outcome?) async throws -> AdminProcesses.Model {
        let current = Set(try await DefinitionStore.current(on: req.store).values.map(\.reference))
        let versions = try await AdminQueries.publishedVersions(on: req.store).map { published in
            AdminProcesses.Model.Version(
                id: published.reference.id.rawValue, version: published.reference.version, platform: published.platform,
                hashPrefix: String(published.reference.contentHash.prefix(12)),
                publishedAt: published.publishedAt.map(PageTime.format) ?? "–",
                isCurrent: current.contains(published.reference))
        }
        return AdminProcesses.Model(
            context: req.pageContext, versions: versions, folder: req.application.config.processesDirectory,
            outcome: outcome)
    }

    /// The store's refusal in both languages.
    private static func message(_ conflict: DefinitionStore.Conflict) -> LocalizedText {
        let (was, now) = (conflict.publishedHash.prefix(12), conflict.reference.contentHash.prefix(12))
        return LocalizedText(
            sv: "Processdefinitionen \(conflict.reference) skiljer sig från den som redan är publicerad under den versionen"
                + " (hash \(was)…, nu \(now)…). Ge den ändrade filen ett nytt versionsnummer;"
                + " pågående ärenden behåller den version de startade med.",
            en: conflict.description)
    }

    private static func title(of kind: ItemKind) -> LocalizedText {
        switch kind {
        case .check: LocalizedText(sv: "kontroll", en: "check")
        case .document: LocalizedText(sv: "dokument", en: "document")
        case .form: LocalizedText(sv: "formulär", en: "form")
        case .decision: LocalizedText(sv: "beslut", en: "decision")
        }
    }
}
