import Domain
import Persistence
import Vapor

/// `/tasks`: the queue of gates and tasks for decision makers, security reviewers, technicians and
/// coordinators, across the platforms they hold roles on.
enum TaskListController {
    static func list(req: Request) async throws -> Response {
        let principal = try req.requireSignedIn()
        guard !principal.staffPlatforms.isEmpty else { throw CaseNotFound() }
        let l = req.pageLanguage
        var cases: [TaskList.Case] = []
        for active in try await CaseWork.active(on: principal.staffPlatforms, in: req.store) {
            let roles = principal.roles(onCaseOf: active.platform, organisation: active.organisationID, status: active.status)
            let definition = try await DefinitionStore.definition(active.definition, on: req.store)
            guard let phase = definition.phases.first(where: { $0.id == active.currentPhase }) else { continue }
            let open = phase.sections.flatMap(\.items)
                .filter { roles.contains($0.owner) && (active.items[$0.id] ?? .open) == .open }
                .sorted { ($0.kind == .decision ? 0 : 1) < ($1.kind == .decision ? 0 : 1) }
            guard !open.isEmpty else { continue }
            cases.append(TaskList.Case(
                id: active.id, number: active.number,
                title: [active.systemName, active.organisationName].compactMap { $0 }.joined(separator: ", "),
                phase: phase.title.text(in: l),
                tasks: open.map { item in
                    TaskList.Task(
                        text: item.text.text(in: l),
                        kind: "\(item.kind == .decision ? l("Beslut", "Decision") : l("Uppgift", "Task")) (\(item.owner.title.text(in: l)))",
                        isDecision: item.kind == .decision)
                }))
        }
        // Cases with a decision waiting come first; CaseWork already orders by age.
        let ordered = cases.filter { $0.tasks.contains(where: \.isDecision) } + cases.filter { !$0.tasks.contains(where: \.isDecision) }
        return TaskList.Model(context: req.pageContext, cases: ordered).html.response()
    }
}
