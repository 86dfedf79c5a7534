import Domain
import Persistence
import Workflow
import Vapor

/// `/cases`: the cases the signed-in person may see, newest change first; for platform staff an inbox
/// with views (new, waiting for us, waiting for the applicant, by phase, by age).
enum CaseListController {
    static let pageSize = 200

    static func list(req: Request) async throws -> Response {
        let principal = try req.requireSignedIn()
        let status = req.query[String.self, at: "status"].flatMap(CaseStatus.init(rawValue:))
        let typed = req.query[String.self, at: "q"] ?? ""
        let view = req.query[String.self, at: "view"].flatMap(CaseList.View.init(rawValue:)) ?? .all
        let sort = req.query[String.self, at: "sort"].flatMap(CaseList.Sort.init(rawValue:)) ?? .changed
        // A search that breaks its rule lists nothing and says why, rather than listing everything.
        var summaries: [CaseStore.Summary] = []
        var searchError: FieldError?
        do {
            let search = try SearchText.parse(typed)
            summaries = try await CaseStore.list(
                visibility: .init(principal), status: status, platform: nil, search: search, limit: pageSize, offset: 0,
                on: req.store)
        } catch let failure as ValidationFailure {
            searchError = failure.errors.first
        }
        var model = try await model(
            summaries, principal: principal, status: status, search: String(typed.prefix(SearchText.maxLength)),
            view: view, sort: sort, req: req)
        model.searchError = searchError?.message.text(in: req.pageLanguage)
        return model.html.response(model.searchError == nil ? .ok : .unprocessableEntity)
    }

    static func model(
        _ summaries: [CaseStore.Summary], principal: Principal, status: CaseStatus?, search: String,
        view: CaseList.View, sort: CaseList.Sort = .changed, req: Request
    ) async throws -> CaseList.Model {
        let l = req.pageLanguage
        let now = req.application.config.clock.now()
        let definitions = try await DefinitionStore.current(on: req.store)
        let names = try await AccountStore.organisationNames(Set(summaries.map(\.organisationID)), on: req.store)
        let places = try await QueueWorkflow.standings(
            on: Set(summaries.map(\.platform)), in: req.store, cache: req.application.queueCache)
        let awaitingApplicant = try await CaseThreads.awaitingApplicant(among: summaries.map(\.id), on: req.store)
        let settled = principal.isPlatformTeamOrAdmin
            ? try await CaseStore.settledItems(of: summaries.map(\.id), on: req.store) : [:]

        func phaseTitle(_ summary: CaseStore.Summary) -> String {
            definitions[summary.platform]?.phases.first { $0.id.rawValue == summary.currentPhase }?.title.text(in: l)
                ?? summary.currentPhase
        }
        func belongs(_ summary: CaseStore.Summary, to view: CaseList.View) -> Bool {
            switch view {
            case .all, .phase, .age: true
            case .new: summary.status == .submitted
            case .applicant: summary.status == .returnedForCompletion || awaitingApplicant.contains(summary.id)
            case .ours:
                [.triage, .queued, .inProgress, .onHold].contains(summary.status) && !awaitingApplicant.contains(summary.id)
            }
        }
        // Progress against the platform's current definition: a list does not load each case's pinned version,
        // and item ids survive versions, so only an item added or dropped since could count differently.
        func progress(_ summary: CaseStore.Summary) -> CaseProgress? {
            guard principal.isPlatformTeamOrAdmin, let definition = definitions[summary.platform] else { return nil }
            let items = settled[summary.id] ?? [:]
            return CaseProgress(
                status: summary.status, currentPhase: PhaseID(rawValue: summary.currentPhase),
                itemStatus: { items[$0] ?? .open }, in: definition,
                questionsForApplicant: awaitingApplicant.contains(summary.id) ? 1 : 0)
        }
        func row(_ summary: CaseStore.Summary) -> CaseList.Model.Row {
            let days = max(0, Int(now.timeIntervalSince(summary.updatedAt) / 86_400))
            let progress = progress(summary)
            return CaseList.Model.Row(
                id: summary.id, number: summary.number, systemName: summary.systemName ?? "–",
                organisation: names[summary.organisationID] ?? "–", platform: summary.platform,
                status: summary.status.title.text(in: l), phase: phaseTitle(summary),
                queuePlace: places[summary.id].map { $0.text(l) },
                updated: PageTime.format(summary.updatedAt),
                age: days == 1 ? l("1 dag", "1 day") : l("\(days) dagar", "\(days) days"),
                caseAge: PageTime.age(from: summary.createdAt, to: now, l),
                waiting: PageTime.age(from: summary.updatedAt, to: now, l),
                counts: progress?.counts, turn: progress?.turn.title.text(in: l))
        }
        func sorted(_ rows: [CaseStore.Summary]) -> [CaseStore.Summary] {
            switch sort {
            case .changed: rows
            case .age: rows.sorted { ($0.createdAt, $0.number) < ($1.createdAt, $1.number) }
            case .waiting: rows.sorted { ($0.updatedAt, $0.number) < ($1.updatedAt, $1.number) }
            }
        }

        let chosen = sorted(summaries.filter { belongs($0, to: view) })
        let groups: [CaseList.Model.Group]
        switch view {
        case .phase:
            let byPhase = Dictionary(grouping: chosen, by: phaseTitle)
            groups = byPhase.keys.sorted().map { CaseList.Model.Group(title: $0, rows: byPhase[$0]!.map(row)) }
        case .age:
            groups = [.init(title: nil, rows: chosen.sorted { $0.updatedAt < $1.updatedAt }.map(row))]
        default:
            groups = [.init(title: nil, rows: chosen.map(row))]
        }
        let isStaff = principal.isPlatformTeamOrAdmin
        return CaseList.Model(
            context: req.pageContext, groups: groups, showsFilters: isStaff, canOrder: principal.holds(.applicant),
            tabs: isStaff ? CaseList.View.allCases.map { tab in
                var query = ["view=\(tab.rawValue)"]
                if let status { query.append("status=\(status.rawValue)") }
                if !search.isEmpty { query.append("q=\(search.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")") }
                return CaseList.Model.Tab(
                    view: tab, title: title(tab, l), count: summaries.filter { belongs($0, to: tab) }.count,
                    href: SiteURL.cases.path + "?" + query.joined(separator: "&"))
            } : [],
            selectedView: view,
            sortLinks: isStaff ? CaseList.Sort.allCases.map { candidate in
                var query = ["view=\(view.rawValue)", "sort=\(candidate.rawValue)"]
                if let status { query.append("status=\(status.rawValue)") }
                if !search.isEmpty { query.append("q=\(search.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")") }
                return CaseList.Model.SortLink(
                    sort: candidate, title: title(candidate, l), href: SiteURL.cases.path + "?" + query.joined(separator: "&"))
            } : [],
            selectedSort: sort,
            statuses: CaseStatus.allCases.map { .init(value: $0.rawValue, title: $0.title.text(in: l)) },
            selectedStatus: status?.rawValue, search: search)
    }

    private static func title(_ sort: CaseList.Sort, _ l: Domain.Language) -> String {
        switch sort {
        case .changed: l("Senast ändrat", "Last changed")
        case .age: l("Äldsta ärendet först", "Oldest case first")
        case .waiting: l("Längst väntan först", "Longest waiting first")
        }
    }

    private static func title(_ view: CaseList.View, _ l: Domain.Language) -> String {
        switch view {
        case .all: l("Alla", "All")
        case .new: l("Nya", "New")
        case .ours: l("Väntar på oss", "Waiting for us")
        case .applicant: l("Väntar på sökande", "Waiting for the applicant")
        case .phase: l("Per fas", "By phase")
        case .age: l("Äldst först", "Oldest first")
        }
    }
}
