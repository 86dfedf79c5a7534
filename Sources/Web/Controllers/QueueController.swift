import Domain
import Foundation
import Persistence
import Workflow
import Vapor

/// `/queue` and `/platforms/{code}/queue`: the queue page, scoped by role as the API's view is (the platform team
/// sees the whole queue, an applicant their own cases only), and the capacity form.
enum QueueController {
    /// The queue of the viewer's first platform: the one they work on, or where their organisation has a case.
    static func index(req: Request) async throws -> Response {
        let principal = try req.requireSignedIn()
        let platforms = try await visiblePlatforms(for: principal, req: req)
        guard let first = platforms.first else { throw CaseNotFound() }
        return req.redirect(to: SiteURL.platformQueue(.value(first)).path, redirectType: .normal)
    }

    static func show(req: Request) async throws -> Response {
        let principal = try req.requireSignedIn()
        return try await page(platformParameter(req), for: principal, req: req)
    }

    static func changeCapacity(req: Request) async throws -> Response {
        struct Form: Content {
            let capacity: String?
            let version: Int?
        }
        let principal = try req.requireSignedIn()
        let platform = platformParameter(req)
        let form = try req.content.decode(Form.self)
        let l = req.pageLanguage
        do {
            _ = try await QueueWorkflow.setCapacity(
                form.capacity ?? "", of: platform, expectedVersion: form.version ?? -1, by: principal, in: req.store,
                clock: req.application.config.clock)
            return req.redirect(to: SiteURL.platformQueue(.value(platform)).path, redirectType: .normal)
        } catch is PlatformStore.StaleVersion {
            return try await page(platform, for: principal, problem: [l(
                "Plattformens inställningar har ändrats av någon annan. Så här ser kön ut nu.",
                "The platform's settings were changed by someone else. This is the queue now.")], status: .conflict, req: req)
        } catch let refused as CaseRefused {
            return try await page(platform, for: principal, problem: [refused.refusal.message.text(in: l)], status: .forbidden, req: req)
        } catch let failure as ValidationFailure {
            return try await page(
                platform, for: principal, capacityError: failure.errors.first?.message.text(in: l), status: .unprocessableEntity,
                req: req)
        }
    }

    private static func platformParameter(_ req: Request) -> String {
        req.parameters.get("code")?.uppercased() ?? ""
    }

    /// The platforms whose queue the viewer may open, first the ones that concern them: staff their own platforms,
    /// applicants those where their organisation has a case, then the rest (an applicant sees only their own cases
    /// in any queue, so every queue is open to them).
    private static func visiblePlatforms(for principal: Principal, req: Request) async throws -> [String] {
        let all = try await PlatformStore.all(on: req.store).map(\.code).sorted()
        if principal.holds(.admin) { return all }
        let staff = principal.staffPlatforms
        if !staff.isEmpty { return all.filter(staff.contains) }
        let own = try await QueueWorkflow.organisationPlatforms(principal, in: req.store)
        return all.filter(own.contains) + all.filter { !own.contains($0) }
    }

    private static func page(
        _ platform: String, for principal: Principal, problem: [String] = [], capacityError: String? = nil,
        status: HTTPStatus = .ok, req: Request
    ) async throws -> Response {
        let l = req.pageLanguage
        let now = req.application.config.clock.now()
        guard let view = try await QueueWorkflow.view(
            of: platform, for: principal, shown: 0..<QueuePage.shown, in: req.store, cache: req.application.queueCache,
            now: now)
        else {
            throw CaseNotFound()
        }
        let platforms = try await visiblePlatforms(for: principal, req: req).map {
            (code: $0, href: SiteURL.platformQueue(.value($0)).path, current: $0 == platform)
        }
        let model: QueuePage.Model
        switch view {
        case .team(let team):
            model = QueuePage.Model(
                context: req.pageContext, platform: platform, platforms: platforms,
                rule: team.matrix?.orderRule(capacity: team.queue.capacity).text(in: l), problem: problem,
                team: teamPart(team, principal: principal, capacityError: capacityError, now: now, l: l), applicant: nil)
        case .applicant(let own):
            model = QueuePage.Model(
                context: req.pageContext, platform: platform, platforms: platforms, rule: own.rule?.text(in: l),
                problem: problem, team: nil,
                applicant: own.cases.map { own in
                    .init(number: own.number, href: SiteURL.caseShow(.value(own.caseID)).path, status: own.status.title.text(in: l),
                          standing: own.standing.sentence(l), total: own.total.map(String.init))
                })
        }
        return model.html.response(status)
    }

    private static func teamPart(
        _ team: QueueWorkflow.TeamView, principal: Principal, capacityError: String?, now: Date, l: Domain.Language
    ) -> QueuePage.Team {
        let queue = team.queue
        func row(_ entry: QueueEntry, position: Int?) -> QueuePage.Row {
            let details = team.details[entry.caseID]
            return QueuePage.Row(
                caseID: entry.caseID, position: position, number: entry.number,
                href: SiteURL.caseShow(.value(entry.caseID)).path, organisation: details?.organisationName ?? "–",
                system: details?.systemName ?? "–", total: entry.total.map(String.init) ?? "–",
                submitted: PageTime.format(entry.submittedAt),
                status: entry.status.title.text(in: l),
                expectedStart: team.forecast.starts[entry.caseID].map { PageTime.format($0).prefix(10).description }
                    ?? "–",
                skipReason: entry.skipReason, caseVersion: details?.caseVersion ?? 0)
        }
        let forecastNote: String
        if let median = team.forecast.median {
            let days = Int((median / 86_400).rounded())
            forecastNote = l(
                "Väntad start bygger på mediantiden \(days) dagar från start till produktion för de \(team.forecast.samples) senast avslutade anslutningarna och \(queue.capacity) platser. Det är en prognos, inget löfte.",
                "Expected starts use the median of \(days) days from start to production of the \(team.forecast.samples) most recently finished onboardings and \(queue.capacity) places. It is a forecast, not a promise.")
        } else {
            forecastNote = l(
                "För lite historik för en prognos: \(team.forecast.samples) avslutade anslutningar, minst \(QueueForecast.minimumHistory) behövs.",
                "Too little history for a forecast: \(team.forecast.samples) finished onboardings, at least \(QueueForecast.minimumHistory) are needed.")
        }
        return QueuePage.Team(
            capacity: queue.capacity, running: queue.running.count, freePlaces: queue.freePlaces,
            platformVersion: team.platformVersion,
            mayChange: PrioritisationRules.mayChangeCapacity(principal, of: team.platform),
            capacityError: capacityError, forecastNote: forecastNote,
            offered: queue.offered.map { offered in row(offered, position: queue.waiting.firstIndex(of: offered).map { $0 + 1 }) },
            waiting: queue.waiting.prefix(QueuePage.shown).enumerated().map { row($1, position: $0 + 1) },
            waitingTotal: queue.waiting.count,
            notAssessed: queue.notAssessed.prefix(QueuePage.shown).map { row($0, position: nil) },
            notAssessedTotal: queue.notAssessed.count,
            runningRows: queue.running.map { row($0, position: nil) })
    }
}
