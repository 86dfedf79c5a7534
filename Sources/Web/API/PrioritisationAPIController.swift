import Domain
import Foundation
import Persistence
import Vapor
import Workflow

/// `GET /api/v1/platforms/{code}/queue` and `/api/v1/cases/{id}/assessments`. The queue is scoped by role as the
/// page is: the platform's staff and admins get the whole queue, an applicant their own organisation's cases with
/// their places and the rule, and nothing of any other organisation (an applicant with no case there gets an empty
/// list, not an error).
enum PrioritisationAPIController {
    struct AssessRequest: Content {
        let scores: [String: Int]?
        let rationales: [String: String]?
        let employees: Int?
        let notes: [String: String]?
        let reason: String?
        /// The sequence of the newest assessment the caller read; 0 when there was none.
        let basedOn: Int?
    }

    struct ScoreDTO: Content {
        let criterion: String
        let score: Int
        let weight: Int
        let rationale: String
    }

    struct AssessmentDTO: Content {
        let id: UUID
        let sequence: Int
        let matrix: AssessmentMatrix.Reference
        let scores: [ScoreDTO]
        let employees: Int?
        let sizeClass: String?
        let sizePoints: Int
        let total: Int
        let breakdown: [String]
        let reason: String?
        /// The further factors; the platform team's notes, not shown to applicants.
        let notes: [String: String]?
        let assessedBy: String?
        let assessedAt: Date
    }

    struct StandingDTO: Content {
        /// `waiting`, `not_assessed` or `running`.
        let state: String
        let position: Int?
        let ahead: Int?
        let waiting: Int
    }

    struct QueueEntryDTO: Content {
        let caseID: UUID
        let number: String
        let status: CaseStatus
        let position: Int?
        let total: Int?
        let organisation: String?
        let systemName: String?
        let submittedAt: Date
        let skipReason: String?
        let expectedStart: Date?
    }

    struct QueueDTO: Content {
        let platform: String
        let scope: String
        let rule: String?
        let capacity: Int
        let freePlaces: Int?
        let matrix: AssessmentMatrix.Reference?
        let offered: UUID?
        /// A page of the waiting cases (`limit`, `offset`), and how many there are in all.
        let waiting: [QueueEntryDTO]?
        let waitingCount: Int?
        let notAssessed: [QueueEntryDTO]?
        let notAssessedCount: Int?
        let running: [QueueEntryDTO]?
        let forecast: ForecastDTO?
        /// For an applicant: their own organisation's cases only.
        let yourCases: [OwnCaseDTO]?
    }

    struct ForecastDTO: Content {
        let medianDays: Double?
        let samples: Int
        let minimumSamples: Int
        let note: String
    }

    struct OwnCaseDTO: Content {
        let caseID: UUID
        let number: String
        let status: CaseStatus
        let standing: StandingDTO
        let total: Int?
    }

    static func queue(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let platform = req.parameters.get("code")?.uppercased() ?? ""
        let l = req.language
        let page = try QueuePageParameters(req)
        guard let view = try await QueueWorkflow.view(
            of: platform, for: principal, shown: page.offset..<(page.offset + page.limit), in: req.store,
            cache: req.application.queueCache, now: req.application.config.clock.now())
        else { throw ProblemMiddleware.notFound(l) }
        let dto: QueueDTO
        switch view {
        case .team(let team):
            let queue = team.queue
            func entry(_ entry: QueueEntry, position: Int?) -> QueueEntryDTO {
                QueueEntryDTO(
                    caseID: entry.caseID, number: entry.number, status: entry.status, position: position, total: entry.total,
                    organisation: team.details[entry.caseID]?.organisationName, systemName: team.details[entry.caseID]?.systemName,
                    submittedAt: entry.submittedAt, skipReason: entry.skipReason, expectedStart: team.forecast.starts[entry.caseID])
            }
            dto = QueueDTO(
                platform: platform, scope: "team", rule: team.matrix?.orderRule(capacity: queue.capacity).text(in: l),
                capacity: queue.capacity, freePlaces: queue.freePlaces, matrix: team.matrix?.reference,
                offered: queue.offered?.caseID,
                waiting: page.slice(queue.waiting).map { entry($0.element, position: $0.offset + 1) },
                waitingCount: queue.waiting.count,
                notAssessed: page.slice(queue.notAssessed).map { entry($0.element, position: nil) },
                notAssessedCount: queue.notAssessed.count,
                running: queue.running.map { entry($0, position: nil) },
                forecast: ForecastDTO(
                    medianDays: team.forecast.median.map { $0 / 86_400 }, samples: team.forecast.samples,
                    minimumSamples: QueueForecast.minimumHistory,
                    note: team.forecast.median == nil
                        ? (l == .sv ? "För lite historik för en prognos." : "Too little history for a forecast.")
                        : (l == .sv ? "Prognos från mediantiden för avslutade anslutningar." : "Forecast from the median time of finished onboardings.")),
                yourCases: nil)
        case .applicant(let own):
            dto = QueueDTO(
                platform: platform, scope: "applicant", rule: own.rule?.text(in: l), capacity: own.capacity, freePlaces: nil,
                matrix: nil, offered: nil, waiting: nil, waitingCount: nil, notAssessed: nil, notAssessedCount: nil,
                running: nil, forecast: nil,
                yourCases: own.cases.map { own in
                    OwnCaseDTO(caseID: own.caseID, number: own.number, status: own.status, standing: standing(own.standing), total: own.total)
                })
        }
        return try json(dto, status: .ok)
    }

    /// `limit` (1–1000, default 100) and `offset` of the team view's lists; a queue of thousands is read a page at a time.
    struct QueuePageParameters {
        let limit: Int
        let offset: Int

        init(_ req: Request) throws {
            var errors: [FieldError] = []
            func read(_ name: String, default value: Int, range: ClosedRange<Int>) -> Int {
                guard let text = req.query[String.self, at: name] else { return value }
                guard let number = Int(text), range.contains(number) else {
                    errors.append(FieldError(
                        field: name, code: "out-of-range",
                        message: LocalizedText(sv: "\(name) ska vara ett heltal \(range.lowerBound)–\(range.upperBound).",
                                               en: "\(name) must be a whole number \(range.lowerBound)–\(range.upperBound).")))
                    return value
                }
                return number
            }
            limit = read("limit", default: 100, range: 1...1000)
            offset = read("offset", default: 0, range: 0...10_000_000)
            if !errors.isEmpty { throw ValidationFailure(errors) }
        }

        /// The page of `entries`, each with its offset in the whole list.
        func slice(_ entries: [QueueEntry]) -> [(offset: Int, element: QueueEntry)] {
            guard offset < entries.count else { return [] }
            return Array(entries.enumerated().dropFirst(offset).prefix(limit)).map { ($0.offset, $0.element) }
        }
    }

    private static func standing(_ standing: OnboardingQueue.Standing) -> StandingDTO {
        switch standing {
        case .waiting(let position, let total): StandingDTO(state: "waiting", position: position, ahead: position - 1, waiting: total)
        case .notAssessed(let assessed): StandingDTO(state: "not_assessed", position: nil, ahead: nil, waiting: assessed)
        case .running: StandingDTO(state: "running", position: nil, ahead: nil, waiting: 0)
        }
    }

    static func list(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let (record, roles) = try await CaseAccess.visibleCase(try req.caseIDParameter(), to: principal, on: req.store)
        let team = PrioritisationRules.seesAssessmentDetails(roles: roles)
        var items: [AssessmentDTO] = []
        for recorded in try await AssessmentStore.history(of: record.id, on: req.store) {
            items.append(try await dto(recorded, team: team, language: req.language, on: req.store))
        }
        return try json(items, status: .ok)
    }

    static func create(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let id = try req.caseIDParameter()
        let body = try req.content.decode(AssessRequest.self)
        guard let basedOn = body.basedOn else {
            throw ValidationFailure([.required("basedOn", label: LocalizedText(
                sv: "Den senaste bedömningens nummer (0 om ingen)", en: "The newest assessment's sequence (0 when none)"))])
        }
        do {
            let recorded = try await AssessmentWorkflow.assess(
                AssessmentInput(
                    scores: body.scores ?? [:], rationales: body.rationales ?? [:], employees: body.employees,
                    notes: body.notes ?? [:], reason: body.reason),
                of: id, basedOn: basedOn, by: principal, in: req.store, cache: req.application.queueCache,
                clock: req.application.config.clock)
            return try json(try await dto(recorded, team: true, language: req.language, on: req.store), status: .created)
        } catch let conflict as AssessmentConflict {
            throw APIProblem(
                status: .conflict, code: "assessment-conflict",
                title: LocalizedText(sv: "Ärendet har bedömts av någon annan", en: "The case was assessed by someone else"),
                detail: req.language == .sv
                    ? "Du utgick från bedömning \(conflict.expected), men den senaste är \(conflict.current?.sequence ?? 0). Läs in dem igen."
                    : "You worked from assessment \(conflict.expected), but the newest is \(conflict.current?.sequence ?? 0). Reload them.",
                language: req.language)
        }
    }

    private static func dto(
        _ recorded: RecordedAssessment, team: Bool, language: Domain.Language, on store: Store
    ) async throws -> AssessmentDTO {
        let assessment = recorded.assessment
        let matrix = try await MatrixStore.matrix(assessment.matrix, on: store)
        return AssessmentDTO(
            id: recorded.id, sequence: recorded.sequence, matrix: assessment.matrix,
            scores: assessment.scores.map { ScoreDTO(criterion: $0.criterion, score: $0.value, weight: $0.weight, rationale: $0.rationale) },
            employees: assessment.employees, sizeClass: assessment.sizeClass, sizePoints: assessment.sizePoints,
            total: assessment.total, breakdown: matrix.map { assessment.breakdown(with: $0).map { $0.text(in: language) } } ?? [],
            reason: assessment.reason, notes: team ? assessment.notes : nil, assessedBy: team ? recorded.assessorName : nil,
            assessedAt: recorded.assessedAt)
    }

    private static func json(_ value: some Encodable, status: HTTPStatus) throws -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: status, headers: headers, body: .init(data: try APIKeys.encoder.encode(value)))
    }
}
