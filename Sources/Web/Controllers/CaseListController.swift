import Domain
import Fluent
import Persistence
import Vapor

/// `/cases`: the cases the signed-in person may see, newest change first.
enum CaseListController {
    static let pageSize = 200

    static func list(req: Request) async throws -> Response {
        let principal = try req.requireSignedIn()
        let status = req.query[String.self, at: "status"].flatMap(CaseStatus.init(rawValue:))
        let search = (req.query[String.self, at: "q"] ?? "").trimmingCharacters(in: .whitespaces)
        let summaries = try await CaseStore.list(
            visibility: .init(principal), status: status, platform: nil, search: search, limit: pageSize, offset: 0,
            on: req.db)
        let model = try await model(summaries, principal: principal, status: status, search: search, req: req)
        return model.html.response()
    }

    static func model(
        _ summaries: [CaseStore.Summary], principal: Principal, status: CaseStatus?, search: String, req: Request
    ) async throws -> CaseList.Model {
        let l = req.pageLanguage
        let definitions = try await DefinitionStore.current(on: req.db)
        let organisations = try await OrganisationModel.query(on: req.db)
            .filter(\.$id ~~ Set(summaries.map(\.organisationID))).all()
        let names = Dictionary(uniqueKeysWithValues: organisations.compactMap { org in org.id.map { ($0, org.name) } })
        return CaseList.Model(
            context: req.pageContext,
            rows: summaries.map { summary in
                CaseList.Model.Row(
                    id: summary.id, number: summary.number, systemName: summary.systemName ?? "–",
                    organisation: names[summary.organisationID] ?? "–", platform: summary.platform,
                    status: summary.status.title.text(in: l),
                    phase: definitions[summary.platform]?.phases.first { $0.id.rawValue == summary.currentPhase }?
                        .title.text(in: l) ?? summary.currentPhase,
                    updated: PageTime.format(summary.updatedAt))
            },
            showsFilters: !principal.staffPlatforms.isEmpty || principal.holds(.admin),
            canOrder: principal.holds(.applicant),
            statuses: CaseStatus.allCases.map { .init(value: $0.rawValue, title: $0.title.text(in: l)) },
            selectedStatus: status?.rawValue, search: search)
    }
}
