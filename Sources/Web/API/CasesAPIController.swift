import Domain
import Persistence
import Workflow
import Vapor

/// The case routes of the JSON API. Every case is looked up through `CaseAccess.visibleCase`, so a case
/// that is not the caller's answers 404 exactly like one that does not exist.
enum CasesAPIController {
    struct CreateRequest: Content {
        let platform: String
        let fields: [String: String]?
    }

    struct EditRequest: Content {
        let fields: [String: String]
        let version: Int?
    }

    static func create(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let body = try req.content.decode(CreateRequest.self)
        let record = try await CaseWorkflow.create(
            platform: body.platform.uppercased(), fields: body.fields ?? [:], by: principal, in: req.store,
            clock: req.application.config.clock)
        let response = try await CaseDTO.make(record, for: principal, on: req.store).response(status: .created, contentType: .json)
        response.headers.replaceOrAdd(name: .location, value: "/api/v1/cases/\(record.id)")
        return response
    }

    /// The furthest page a list reaches, as the OpenAPI document says.
    static let maximumOffset = 1_000_000

    static func list(req: Request) async throws -> CaseListDTO {
        let principal = try req.requirePrincipal()
        // Read once; numbers are checked here so that a bad one is named.
        let query = req.url.parameters
        var errors: [FieldError] = []
        let status = query["status"].flatMap(CaseStatus.init(rawValue:))
        if let text = query["status"], status == nil {
            errors.append(FieldError(
                field: "status", code: "unknown-status",
                message: LocalizedText(sv: "Okänd status \"\(text)\".", en: "Unknown status \"\(text)\".")))
        }
        let limit = query["limit"].map { Int($0) ?? 0 } ?? 50
        let offset = query["offset"].map { Int($0) ?? -1 } ?? 0
        if !(1...200).contains(limit) {
            errors.append(FieldError(
                field: "limit", code: "out-of-range",
                message: LocalizedText(sv: "limit ska vara ett heltal 1-200.", en: "limit must be a whole number 1-200.")))
        }
        if !(0...maximumOffset).contains(offset) {
            errors.append(FieldError(
                field: "offset", code: "out-of-range",
                message: LocalizedText(
                    sv: "offset ska vara ett heltal 0-\(maximumOffset).", en: "offset must be a whole number 0-\(maximumOffset).")))
        }
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        let summaries = try await CaseStore.list(
            visibility: .init(principal), status: status, platform: query["platform"]?.uppercased(),
            limit: limit, offset: offset, on: req.store)
        return CaseListDTO(items: summaries, limit: limit, offset: offset)
    }

    static func show(req: Request) async throws -> CaseDTO {
        let principal = try req.requirePrincipal()
        let (record, _) = try await CaseAccess.visibleCase(try req.caseIDParameter(), to: principal, on: req.store)
        return try await CaseDTO.make(record, for: principal, on: req.store)
    }

    static func edit(req: Request) async throws -> CaseDTO {
        let principal = try req.requirePrincipal()
        let body = try req.content.decode(EditRequest.self)
        guard let version = body.version else {
            throw ValidationFailure([.required("version", label: LocalizedText(sv: "Ärendets version", en: "The case version"))])
        }
        let record = try await CaseWorkflow.editOrder(
            body.fields, on: try req.caseIDParameter(), by: principal, expectedVersion: version, in: req.store, clock: req.application.config.clock)
        return try await CaseDTO.make(record, for: principal, on: req.store)
    }

    static func runCommand(req: Request) async throws -> CaseDTO {
        let principal = try req.requirePrincipal()
        let id = try req.caseIDParameter()
        let body = try req.content.decode(CommandRequest.self)
        let (record, _) = try await CaseAccess.visibleCase(id, to: principal, on: req.store)
        let command = try await body.engineCommand(for: record, on: req.store)
        let updated = try await CaseWorkflow.run(
            command, on: id, by: principal, expectedVersion: body.version,
            queueOverride: command == .start ? body.reason : nil, in: req.store, clock: req.application.config.clock)
        return try await CaseDTO.make(updated, for: principal, on: req.store)
    }

    static func events(req: Request) async throws -> [AuditEventDTO] {
        let principal = try req.requirePrincipal()
        let (record, _) = try await CaseAccess.visibleCase(try req.caseIDParameter(), to: principal, on: req.store)
        let events = try await AuditLog.events(about: record.subject, on: req.store)
        let names = try await AccountStore.names(userIDs: Set(events.compactMap { $0.auditActor?.id }), on: req.store)
        return events.map { AuditEventDTO($0, names: names, language: req.language) }
    }
}

/// One audit event on the wire, with its payload as JSON.
struct AuditEventDTO: Content {
    let sequence: Int64
    let occurredAt: String
    let actor: ActorDTO
    let action: String
    let subject: String
    let payload: CanonicalJSON
    let previousHash: String
    let hash: String

    /// Who made the change: `kind` (`user`, `system_account`, `command_line`, `job`, `system`, or `unknown`
    /// for text no version writes), the user's or account's `id` where there is one, and a name for people.
    struct ActorDTO: Content {
        let kind: String
        let id: String?
        let displayName: String
    }

    init(_ event: AuditEvent, names: [UUID: String], language l: Domain.Language) {
        sequence = event.sequence
        occurredAt = event.occurredAt
        let typed = event.auditActor
        actor = ActorDTO(
            kind: typed?.kind ?? "unknown", id: typed?.id?.uuidString.lowercased(), displayName: event.actorName(names, language: l))
        action = event.action
        subject = event.subject
        payload = (try? JSONDecoder().decode(CanonicalJSON.self, from: Data(event.payload.utf8))) ?? .string(event.payload)
        previousHash = event.previousHash
        hash = event.hash
    }
}
