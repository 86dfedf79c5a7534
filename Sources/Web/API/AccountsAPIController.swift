import Domain
import Persistence
import ProcessFiles
import Vapor
import Workflow

/// Verification accounts and test sessions of a case: `/api/v1/cases/{id}/accounts…`, `/test-sessions`.
enum AccountsAPIController {
    struct RegisterRequest: Content {
        let hl7SendingApplication: String?
        let hl7SendingFacility: String?
        let dicomAETitles: [String]?
        let sourceAddresses: [String]?
    }

    /// One change per request: a status (with its reason) or the list of calling AE titles.
    struct ChangeRequest: Content {
        let status: SystemAccount.Status?
        let dicomAETitles: [String]?
        let version: Int
        let reason: String?
    }

    struct AccountDTO: Content {
        let id: UUID
        let environment: String
        let hl7SendingApplication: String
        let hl7SendingFacility: String
        let dicomAETitles: [String]
        let sourceAddresses: [String]
        let status: SystemAccount.Status
        let version: Int

        init(_ account: SystemAccount) {
            dicomAETitles = account.dicomAETitles
            id = account.id
            environment = account.environment.rawValue
            hl7SendingApplication = account.hl7SendingApplication
            hl7SendingFacility = account.hl7SendingFacility
            sourceAddresses = account.sourceAddresses
            status = account.status
            version = account.version
        }
    }

    struct SessionDTO: Content {
        struct Profile: Content {
            let id: String
            let version: Int
            let contentHash: String
        }

        let id: UUID
        let accountID: UUID
        let profile: Profile
        let openedAt: Date
        let closedAt: Date?
        let messageCount: Int
        let headHash: String
        /// Messages by ACK code (`AA`, `AE`, `AR`) and by type (`ADT^A01`).
        let acknowledgements: [String: Int]
        let messageTypes: [String: Int]
    }

    static func list(req: Request) async throws -> [AccountDTO] {
        let (record, _) = try await CaseAccess.visibleCase(try req.uuidParameter("id"), to: try req.requirePrincipal(), on: req.store)
        return try await SystemAccountStore.accounts(of: record.id, on: req.store).map(AccountDTO.init)
    }

    static func register(req: Request) async throws -> Response {
        let body = try req.content.decode(RegisterRequest.self)
        let account = try await SystemAccountWorkflow.register(
            .init(hl7SendingApplication: body.hl7SendingApplication ?? "", hl7SendingFacility: body.hl7SendingFacility ?? "",
                  sourceAddresses: body.sourceAddresses ?? [], dicomAETitles: body.dicomAETitles ?? []),
            on: try req.uuidParameter("id"), by: try req.requirePrincipal(), in: req.store, clock: req.application.config.clock)
        return try await AccountDTO(account).encodeResponse(status: .created, for: req)
    }

    static func change(req: Request) async throws -> AccountDTO {
        let body = try req.content.decode(ChangeRequest.self)
        let (account, caseID) = (try req.uuidParameter("account"), try req.uuidParameter("id"))
        let (principal, clock) = (try req.requirePrincipal(), req.application.config.clock)
        do {
            switch (body.status, body.dicomAETitles) {
            case (let status?, nil):
                return AccountDTO(try await SystemAccountWorkflow.setStatus(
                    status, of: account, on: caseID, expectedVersion: body.version, reason: body.reason, by: principal,
                    in: req.store, clock: clock))
            case (nil, let titles?):
                return AccountDTO(try await SystemAccountWorkflow.setAETitles(
                    titles, of: account, on: caseID, expectedVersion: body.version, by: principal, in: req.store, clock: clock))
            default:
                throw ValidationFailure([FieldError(
                    field: "status", code: "one-change",
                    message: LocalizedText(
                        sv: "Ange antingen status eller dicomAETitles: en ändring per begäran.",
                        en: "Give either status or dicomAETitles: one change per request."))])
            }
        } catch let stale as SystemAccountStore.StaleVersion {
            throw APIProblem(
                status: .conflict, code: "version-conflict",
                title: LocalizedText(sv: "Kontot har ändrats av någon annan", en: "The account was changed by someone else"),
                detail: req.language == .sv
                    ? "Kontot är nu version \(stale.current.version) och \(stale.current.status.title.sv). Läs in det igen."
                    : "The account is now at version \(stale.current.version) and \(stale.current.status.title.en). Reload it.",
                language: req.language)
        }
    }

    static func close(req: Request) async throws -> Response {
        let profiles = try req.application.hl7Profiles()
        let closed = try await TestSessionWorkflow.close(
            try req.uuidParameter("session"), on: try req.uuidParameter("id"), profiles: profiles,
            dicomProfiles: try req.application.dicomProfiles(), by: try req.requirePrincipal(), in: req.store,
            clock: req.application.config.clock)
        return protocolResponse(closed.canonicalJSON)
    }

    static func testProtocol(req: Request) async throws -> Response {
        let (record, _) = try await CaseAccess.visibleCase(try req.uuidParameter("id"), to: try req.requirePrincipal(), on: req.store)
        let session = try await TestSessionStore.session(try req.uuidParameter("session"), of: record.id, on: req.store)
        guard let frozen = try await TestSessionStore.frozenProtocol(of: session.id, on: req.store) else { throw CaseNotFound() }
        return protocolResponse(frozen.json)
    }

    /// The frozen protocol exactly as stored and hashed, so that anyone can check its hash against the audit trail.
    private static func protocolResponse(_ json: String) -> Response {
        Response(status: .ok, headers: ["Content-Type": "application/json; charset=utf-8"], body: .init(string: json))
    }

    static func sessions(req: Request) async throws -> [SessionDTO] {
        let (record, _) = try await CaseAccess.visibleCase(try req.uuidParameter("id"), to: try req.requirePrincipal(), on: req.store)
        var result: [SessionDTO] = []
        for session in try await TestSessionStore.sessions(of: record.id, on: req.store) {
            let messages = try await TestSessionStore.messages(of: session.id, on: req.store)
            result.append(SessionDTO(
                id: session.id, accountID: session.accountID,
                profile: .init(id: session.profileID, version: session.profileVersion, contentHash: session.profileHash),
                openedAt: session.openedAt, closedAt: session.closedAt, messageCount: session.messageCount,
                headHash: session.headHash,
                acknowledgements: Dictionary(grouping: messages, by: \.acknowledgement.rawValue).mapValues(\.count),
                messageTypes: Dictionary(grouping: messages, by: \.summary.messageName).mapValues(\.count)))
        }
        return result
    }
}
