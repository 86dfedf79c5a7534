import Domain
import Persistence
import Vapor

/// The read-only admin pages: the overview, organisations and platforms.
enum AdminController {
    static func overview(req: Request) async throws -> Response {
        _ = try req.requireAdmin()
        return AdminOverview.Model(context: req.pageContext).html.response()
    }

    static func organisations(req: Request) async throws -> Response {
        _ = try req.requireAdmin()
        let rows = try await AdminQueries.organisations(on: req.store).map { row in
            AdminOrganisations.Model.Row(
                organisationsnummer: Self.shown(row.organisationsnummer), name: row.name, users: row.users,
                cases: row.cases)
        }
        return AdminOrganisations.Model(context: req.pageContext, rows: rows).html.response()
    }

    static func platforms(req: Request) async throws -> Response {
        _ = try req.requireAdmin()
        let l = req.pageLanguage
        let current = try await DefinitionStore.current(on: req.store)
        let counts = try await AdminQueries.caseCounts(on: req.store)
        let platforms = Set(current.keys).union(counts.keys).sorted().map { code in
            let byStatus = counts[code] ?? [:]
            return AdminPlatforms.Model.Platform(
                code: code,
                process: current[code].map { definition in
                    AdminPlatforms.Model.Process(
                        id: definition.id.rawValue, title: definition.title.text(in: l), version: definition.version,
                        hashPrefix: String(definition.contentHash.prefix(12)))
                },
                counts: CaseStatus.allCases.compactMap { status in
                    byStatus[status].map { (status.title.text(in: l), $0) }
                },
                total: byStatus.values.reduce(0, +))
        }
        return AdminPlatforms.Model(context: req.pageContext, platforms: platforms).html.response()
    }

    /// `NNNNNN-NNNN`; stored numbers are valid, but a hand-edited one is shown as it is.
    static func shown(_ organisationsnummer: String) -> String {
        (try? Organisationsnummer.parse(organisationsnummer))?.description ?? organisationsnummer
    }
}
