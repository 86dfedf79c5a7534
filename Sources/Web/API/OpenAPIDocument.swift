import Domain
import Persistence
import Workflow
import Vapor

/// The OpenAPI 3.1 description of the JSON API, built from `APIRoute` so that every route is described and
/// nothing is described that does not exist.
enum OpenAPIDocument {
    static let json: String = document.encoded

    static func show(req: Request) async throws -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(string: json))
    }

    private static var document: CanonicalJSON {
        var paths: [String: [String: CanonicalJSON]] = [:]
        for route in APIRoute.allCases {
            paths[route.path, default: [:]][route.method.rawValue.lowercased()] = operation(route)
        }
        return [
            "openapi": "3.1.0",
            "info": [
                "title": "Anslut API",
                "version": "1",
                "description": .string(
                    "Connection cases for regional platforms (BFR, TakeCare). Errors are RFC 9457 problem details"
                        + " (application/problem+json). Authenticate with a bearer token from POST /api/v1/auth/token."),
            ],
            "paths": .object(paths.mapValues { .object($0) }),
            "components": [
                "securitySchemes": ["bearer": ["type": "http", "scheme": "bearer"]],
                "schemas": .object(schemas),
            ],
        ]
    }

    private static func operation(_ route: APIRoute) -> CanonicalJSON {
        var operation: [String: CanonicalJSON] = [
            "operationId": .string(String(describing: route)),
            "summary": .string(summary(route)),
            "responses": .object(responses(route)),
        ]
        if route.access != .anyone { operation["security"] = [["bearer": []]] }
        var parameters: [CanonicalJSON] = []
        // Every `{name}` of the path is a parameter: a platform's code, else an id.
        for part in route.path.split(separator: "/") where part.hasPrefix("{") {
            let name = String(part.dropFirst().dropLast())
            parameters.append(pathParameter(name, format: name == "code" ? nil : "uuid"))
        }
        if route == .listCases {
            parameters += [
                queryParameter("status", ["type": "string", "enum": .array(CaseStatus.allCases.map { .string($0.rawValue) })]),
                queryParameter("platform", ["type": "string"]),
                queryParameter("limit", ["type": "integer", "minimum": 1, "maximum": 200, "default": 50]),
                queryParameter("offset", [
                    "type": "integer", "minimum": 0, "maximum": .int(Int64(CasesAPIController.maximumOffset)), "default": 0,
                ]),
            ]
        }
        if route == .showQueue {
            parameters += [
                queryParameter("limit", ["type": "integer", "minimum": 1, "maximum": 1000, "default": 100]),
                queryParameter("offset", ["type": "integer", "minimum": 0, "maximum": 10_000_000, "default": 0]),
            ]
        }
        if !parameters.isEmpty { operation["parameters"] = .array(parameters) }
        if let body = route.requestSchema {
            operation["requestBody"] = ["required": true, "content": ["application/json": ["schema": ref(body)]]]
        }
        if route == .uploadDocument {
            operation["requestBody"] = [
                "required": true,
                "content": ["multipart/form-data": [
                    "schema": object(
                        ["kind": documentKind, "file": ["type": "string", "format": "binary"]], required: ["kind", "file"]),
                ]],
            ]
        }
        return .object(operation)
    }

    private static func summary(_ route: APIRoute) -> String {
        switch route {
        case .issueToken: "Exchange e-mail and password for a bearer token"
        case .listPlatforms: "Platforms and the process definition new cases start on"
        case .showPlatformProcess: "The current process definition of a platform"
        case .createCase: "Create a draft case for the applicant's organisation (applicants)"
        case .listCases: "Cases the caller may see, newest change first"
        case .showCase: "A case with its phases, item states, decisions and version"
        case .editCase: "Replace the order's fields of a draft or returned case (applicants)"
        case .runCommand: "Run a command on a case (submit, tick, decide, complete_phase, …)"
        case .listEvents: "The case's audit trail"
        case .listThreads: "Comments and questions on the case, with their messages"
        case .openThread: "Start a comment or a question on the case or one of its items"
        case .replyToThread: "Reply; a reply from the other side answers an open question"
        case .closeThread: "Close a question (its asker or the platform team)"
        case .listDocuments: "The case's documents per kind: the newest version and every version, newest first"
        case .uploadDocument:
            "Upload a document as the next version of its kind (multipart: kind, file); type checked by content"
        case .downloadDocument: "A document's content, as an attachment with its detected type"
        case .listAccounts: "The case's verification accounts (MSH-3/MSH-4, calling AE titles, allowed addresses, status)"
        case .registerAccount:
            "Register a verification account (technicians; the case in a phase taking verification traffic)"
        case .changeAccount:
            "Pause, resume or revoke a verification account, or replace its calling AE titles, one change per request (technicians); takes effect for the next message or association"
        case .listTestSessions: "The case's test sessions: profile, window, message counts by type and ACK code, chain head"
        case .closeTestSession:
            "Close a test session (technicians, coordinators): its test protocol is written, frozen and its hash audited"
        case .showTestProtocol: "A closed session's frozen test protocol (404 while the session is open)"
        case .showQueue:
            "The platform's queue: the whole queue with scores and forecast for its staff; an applicant's own cases with place, number ahead and the rule"
        case .listAssessments: "The case's assessments, oldest first (the platform team's notes and assessor left out for applicants)"
        case .createAssessment:
            "Assess or re-assess the case with the platform's assessment matrix (coordinators; `basedOn` is the newest sequence read)"
        case .openAPI: "This document"
        }
    }

    private static func responses(_ route: APIRoute) -> [String: CanonicalJSON] {
        let success: (String, CanonicalJSON) = switch route {
        case .issueToken: ("200", response("A token", ref("Token")))
        case .listPlatforms: ("200", response("Platforms", ["type": "array", "items": ref("Platform")]))
        case .showPlatformProcess: ("200", response("The definition", ref("ProcessDefinition")))
        case .createCase: ("201", response("The new draft", ref("Case")))
        case .listCases: ("200", response("A page of cases", ref("CaseList")))
        case .showCase, .editCase, .runCommand: ("200", response("The case as it is now", ref("Case")))
        case .listEvents: ("200", response("Events, oldest first", ["type": "array", "items": ref("AuditEvent")]))
        case .listThreads: ("200", response("Threads, oldest first", ["type": "array", "items": ref("Thread")]))
        case .openThread: ("201", response("The new thread", ref("Thread")))
        case .replyToThread, .closeThread: ("200", response("The thread as it is now", ref("Thread")))
        case .listDocuments: ("200", response("Kinds that have documents", ["type": "array", "items": ref("DocumentKind")]))
        case .uploadDocument: ("201", response("The stored version", ref("Document")))
        case .downloadDocument: ("200", [
            "description": "The content (Content-Disposition: attachment)",
            "content": ["*/*": ["schema": ["type": "string", "format": "binary"]]],
        ])
        case .listAccounts: ("200", response("Accounts, oldest first", ["type": "array", "items": ref("Account")]))
        case .registerAccount: ("201", response("The new account", ref("Account")))
        case .changeAccount: ("200", response("The account as it is now", ref("Account")))
        case .listTestSessions: ("200", response("Sessions, newest first", ["type": "array", "items": ref("TestSession")]))
        case .closeTestSession, .showTestProtocol: ("200", response("The test protocol", ref("TestProtocol")))
        case .showQueue: ("200", response("The queue as the caller may see it", ref("Queue")))
        case .listAssessments: ("200", response("Assessments, oldest first", ["type": "array", "items": ref("Assessment")]))
        case .createAssessment: ("201", response("The recorded assessment", ref("Assessment")))
        case .openAPI: ("200", response("OpenAPI 3.1", ["type": "object"]))
        }
        var result: [String: CanonicalJSON] = [success.0: success.1]
        let problem = ["application/problem+json": ["schema": ref("Problem")]] as CanonicalJSON
        func add(_ status: String, _ text: String) { result[status] = ["description": .string(text), "content": problem] }
        if route != .openAPI { add("400", "Malformed request: a body that is not strict JSON, or a malformed path") }
        if route.access != .anyone { add("401", "No or invalid bearer token") }
        if case .holdersOf = route.access { add("403", "The caller lacks the role") }
        if route == .issueToken {
            add("401", "Wrong e-mail address or password")
            add("429", "Too many failed sign-ins for the account or the address; `Retry-After` says when to try again")
        }
        if route.requestSchema != nil || route == .uploadDocument {
            add("413", "The body is larger than the route takes (1 MB for JSON); the problem names the limit")
        }
        if route.requestSchema != nil { add("415", "The body is not `application/json`") }
        if route.path.contains("{") { add("404", "No such case or platform, or not the caller's") }
        if [.replyToThread, .closeThread].contains(route) {
            add("403", "Only the asker or the platform team closes a question")
            add("409", "The question is closed")
        }
        if [.openThread, .replyToThread].contains(route) {
            add("422", "Empty or too long text, or an unknown item")
        }
        if [.runCommand, .editCase].contains(route) {
            add("403", "The caller's roles on the case do not allow the command")
            add("409", "Stale version (body has `current`), or the command does not fit the case's state")
        }
        if route == .uploadDocument {
            add("403", "Only the applicant and the platform team upload")
            add("409", "The case is closed, rejected or withdrawn")
            add("413", "The body is larger than the upload limit allows")
            add("415", "The body is not `multipart/form-data`")
            add("422", "Unknown kind, no file, too large, or a type not allowed (checked by content)")
        }
        if route == .closeTestSession {
            add("403", "The caller is not a technician or coordinator of the case")
            add("409", "The session is closed already, or the profile it used is no longer published")
        }
        if [.registerAccount, .changeAccount].contains(route) {
            add("409", "The case is not in a verification phase, the account cannot take that status or is revoked, or a stale version")
            add("422", "Invalid names, AE titles or addresses, the sender or an AE title already has an account, or no change or two at once; `errors` names every field")
        }
        if route == .showQueue { add("422", "`limit` or `offset` out of range; `errors` names it") }
        if route == .createAssessment {
            add("403", "The caller is not a coordinator of the case's platform")
            add("409", "Another assessment was recorded since `basedOn`, or the case is not waiting")
            add("422", "A score not allowed, a rationale missing, or a re-assessment without a reason; `errors` names each")
        }
        if [.createCase, .editCase, .runCommand, .listCases].contains(route) {
            add("422", "Invalid or incomplete input; `errors` names every field and rule")
        }
        return result
    }

    private static func response(_ description: String, _ schema: CanonicalJSON) -> CanonicalJSON {
        ["description": .string(description), "content": ["application/json": ["schema": schema]]]
    }

    private static func ref(_ name: String) -> CanonicalJSON { ["$ref": .string("#/components/schemas/\(name)")] }

    private static func pathParameter(_ name: String, format: String?) -> CanonicalJSON {
        var schema: [String: CanonicalJSON] = ["type": "string"]
        if let format { schema["format"] = .string(format) }
        return ["name": .string(name), "in": "path", "required": true, "schema": .object(schema)]
    }

    private static func queryParameter(_ name: String, _ schema: CanonicalJSON) -> CanonicalJSON {
        ["name": .string(name), "in": "query", "required": false, "schema": schema]
    }

    private static func object(_ properties: [String: CanonicalJSON], required: [String] = []) -> CanonicalJSON {
        ["type": "object", "properties": .object(properties), "required": .array(required.map(CanonicalJSON.string))]
    }

    private static let string: CanonicalJSON = ["type": "string"]
    private static let integer: CanonicalJSON = ["type": "integer"]
    /// Text a request must give: the server refuses an empty or blank one.
    private static let requiredText: CanonicalJSON = ["type": "string", "minLength": 1, "pattern": "\\S"]
    /// A message of a thread, as long as the server takes.
    private static let messageText: CanonicalJSON = [
        "type": "string", "minLength": 1, "maxLength": .int(Int64(ThreadRules.maximumLength)), "pattern": "\\S",
    ]
    /// The version of a case a change starts from.
    private static let version: CanonicalJSON = ["type": "integer", "minimum": 0, "maximum": .int(Int64(Int32.max))]
    /// MSH-3/MSH-4 as an account names them (printable ASCII without HL7's delimiters, else a 422 names the rule).
    /// No `pattern`: schemathesis 4.31's generator crashes on this one inside Python's AST module.
    private static let hl7Name: CanonicalJSON = [
        "type": "string", "minLength": 1, "maxLength": .int(Int64(SystemAccountRules.maximumNameLength)),
    ]
    /// An account's calling AE titles (VR AE: printable ASCII without a backslash, else a 422 names the rule and
    /// the title's place; a title held by another account is a 422 too).
    private static let aeTitles: CanonicalJSON = [
        "type": "array", "maxItems": .int(Int64(SystemAccountRules.maximumAETitles)),
        "items": ["type": "string", "minLength": 1, "maxLength": .int(Int64(SystemAccountRules.maximumAETitleLength))],
    ]
    private static let text: CanonicalJSON = object(["sv": string, "en": string], required: ["sv", "en"])
    private static let documentKind: CanonicalJSON = [
        "type": "string", "enum": .array(DocumentKind.allCases.map { .string($0.rawValue) }),
    ]
    private static let stringMap: CanonicalJSON = [
        "type": "object", "additionalProperties": ["type": "string", "maxLength": .int(Int64(OrderForm.maximumLength))],
    ]

    private static var schemas: [String: CanonicalJSON] {
        [
            "Problem": object(
                [
                    "type": string, "title": string, "status": integer, "detail": string, "code": string,
                    "errors": ["type": "array", "items": object(["field": string, "code": string, "message": string], required: ["field", "code", "message"])],
                    "current": ref("Case"),
                ], required: ["type", "title", "status"]),
            "Credentials": object(["email": requiredText, "password": requiredText], required: ["email", "password"]),
            "Token": object(["token": string, "expiresAt": ["type": "string", "format": "date-time"]], required: ["token", "expiresAt"]),
            "DefinitionReference": object(["id": string, "version": integer, "contentHash": string], required: ["id", "version", "contentHash"]),
            "Platform": object(["code": string, "title": text, "process": ref("DefinitionReference")], required: ["code", "title", "process"]),
            "ProcessDefinition": object(
                ["id": string, "platform": string, "version": integer, "title": text, "phases": ["type": "array", "items": ["type": "object"]]],
                required: ["id", "platform", "version", "phases"]),
            "CreateCase": object(
                ["platform": ["type": "string", "minLength": 1, "examples": ["BFR", "TAKECARE"]], "fields": stringMap],
                required: ["platform"]),
            "EditCase": object(["fields": stringMap, "version": version], required: ["fields", "version"]),
            "Command": object(
                [
                    "command": ["type": "string", "enum": .array(CaseCommand.Name.allCases.map { .string($0.rawValue) })],
                    "version": version, "item": string, "phase": string,
                    "outcome": ["type": "string", "enum": .array(DecisionOutcome.allCases.map { .string($0.rawValue) })],
                    "reason": string,
                    "evidence": ["type": "array", "items": object(["kind": string, "reference": requiredText], required: ["kind", "reference"])],
                    "to": ["type": "integer", "minimum": 1, "maximum": .int(Int64(Int32.max))],
                ], required: ["command", "version"]),
            "Case": object(
                [
                    "id": ["type": "string", "format": "uuid"], "number": ["type": "string", "examples": ["BFR-2026-0001"]],
                    "platform": string, "organisation": object(["id": string, "name": string]),
                    "status": ["type": "string", "enum": .array(CaseStatus.allCases.map { .string($0.rawValue) })],
                    "resumeStatus": string, "currentPhase": string, "version": integer,
                    "definition": ref("DefinitionReference"), "fields": stringMap,
                    "phases": ["type": "array", "items": ["type": "object"]],
                    "decisions": ["type": "array", "items": ["type": "object"]],
                    "yourRoles": ["type": "array", "items": string],
                    "createdAt": ["type": "string", "format": "date-time"], "updatedAt": ["type": "string", "format": "date-time"],
                ], required: ["id", "number", "platform", "status", "version", "phases"]),
            "CaseList": object(
                [
                    "items": ["type": "array", "items": object(
                        ["id": string, "number": string, "platform": string, "organisationID": string, "status": string,
                         "currentPhase": string, "systemName": string, "version": integer, "updatedAt": string])],
                    "limit": integer, "offset": integer,
                ], required: ["items", "limit", "offset"]),
            "OpenThread": object(
                ["kind": ["type": "string", "enum": ["comment", "question"]], "item": string, "text": messageText],
                required: ["kind", "text"]),
            "Reply": object(["text": messageText], required: ["text"]),
            "Thread": object(
                [
                    "id": string, "kind": string, "status": ["type": "string", "enum": ["open", "answered", "closed"]],
                    "item": string, "createdBy": string,
                    "messages": ["type": "array", "items": object(["authorID": string, "body": string, "createdAt": string])],
                ], required: ["id", "kind", "status", "messages"]),
            "Document": object(
                [
                    "id": ["type": "string", "format": "uuid"], "kind": documentKind, "version": integer,
                    "fileName": string, "contentType": string, "size": integer, "sha256": string,
                    "uploadedBy": ["type": "string", "format": "uuid"],
                    "uploadedAt": ["type": "string", "format": "date-time"], "href": string,
                ], required: ["id", "kind", "version", "fileName", "contentType", "size", "sha256", "href"]),
            "DocumentKind": object(
                [
                    "kind": documentKind, "title": text, "latest": ref("Document"),
                    "versions": ["type": "array", "items": ref("Document")],
                ], required: ["kind", "title", "latest", "versions"]),
            "RegisterAccount": object(
                [
                    "hl7SendingApplication": hl7Name, "hl7SendingFacility": hl7Name,
                    "dicomAETitles": aeTitles,
                    "sourceAddresses": ["type": "array", "items": string],
                ]),
            "ChangeAccount": object(
                [
                    "status": ["type": "string", "enum": .array(SystemAccount.Status.allCases.map { .string($0.rawValue) })],
                    "dicomAETitles": aeTitles, "version": version, "reason": string,
                ], required: ["version"]),
            "Account": object(
                [
                    "id": ["type": "string", "format": "uuid"], "environment": string,
                    "hl7SendingApplication": string, "hl7SendingFacility": string,
                    "dicomAETitles": ["type": "array", "items": string],
                    "sourceAddresses": ["type": "array", "items": string],
                    "status": ["type": "string", "enum": .array(SystemAccount.Status.allCases.map { .string($0.rawValue) })],
                    "version": integer,
                ], required: [
                    "id", "environment", "hl7SendingApplication", "hl7SendingFacility", "dicomAETitles", "sourceAddresses",
                    "status", "version",
                ]),
            "TestSession": object(
                [
                    "id": ["type": "string", "format": "uuid"], "accountID": ["type": "string", "format": "uuid"],
                    "profile": ref("DefinitionReference"),
                    "openedAt": ["type": "string", "format": "date-time"], "closedAt": ["type": "string", "format": "date-time"],
                    "messageCount": integer, "headHash": string,
                    "acknowledgements": ["type": "object", "additionalProperties": integer],
                    "messageTypes": ["type": "object", "additionalProperties": integer],
                ], required: ["id", "accountID", "profile", "openedAt", "messageCount", "headHash", "acknowledgements", "messageTypes"]),
            "TestProtocol": object(
                [
                    "caseNumber": string, "platform": string, "system": string, "account": string, "sender": string,
                    "environment": string, "profile": ref("DefinitionReference"), "openedAt": string, "closedAt": string,
                    "messageTypes": ["type": "object", "additionalProperties": integer],
                    "acknowledgements": ["type": "object", "additionalProperties": integer],
                    "findings": ["type": "array", "items": ["type": "object"]],
                    "testCases": ["type": "array", "items": object(["id": string, "title": text, "met": ["type": "boolean"], "metBy": integer], required: ["id", "title", "met"])],
                    "verdict": ["type": "string", "enum": ["passed", "not_passed"]],
                    "messages": ["type": "array", "items": ["type": "object"]], "chainHead": string,
                ], required: ["caseNumber", "profile", "openedAt", "closedAt", "testCases", "verdict", "messages", "chainHead"]),
            "CreateAssessment": object(
                [
                    "scores": ["type": "object", "additionalProperties": ["type": "integer", "minimum": 0, "maximum": 100]],
                    "rationales": stringMap, "notes": stringMap,
                    "employees": ["type": "integer", "minimum": 0, "maximum": 10_000_000],
                    "reason": string, "basedOn": ["type": "integer", "minimum": 0, "maximum": .int(Int64(Int32.max))],
                ], required: ["scores", "rationales", "basedOn"]),
            "Assessment": object(
                [
                    "id": ["type": "string", "format": "uuid"], "sequence": integer,
                    "matrix": ref("DefinitionReference"),
                    "scores": ["type": "array", "items": object(
                        ["criterion": string, "score": integer, "weight": integer, "rationale": string],
                        required: ["criterion", "score", "weight", "rationale"])],
                    "employees": integer, "sizeClass": string, "sizePoints": integer, "total": integer,
                    "breakdown": ["type": "array", "items": string], "reason": string,
                    "notes": stringMap, "assessedBy": string, "assessedAt": ["type": "string", "format": "date-time"],
                ], required: ["id", "sequence", "matrix", "scores", "total", "breakdown", "assessedAt"]),
            "Queue": object(
                [
                    "platform": string, "scope": ["type": "string", "enum": ["team", "applicant"]], "rule": string,
                    "capacity": integer, "freePlaces": integer, "matrix": ref("DefinitionReference"),
                    "offered": ["type": "string", "format": "uuid"],
                    "waiting": ["type": "array", "items": ["type": "object"]], "waitingCount": integer,
                    "notAssessed": ["type": "array", "items": ["type": "object"]], "notAssessedCount": integer,
                    "running": ["type": "array", "items": ["type": "object"]],
                    "forecast": object(["medianDays": ["type": "number"], "samples": integer, "minimumSamples": integer, "note": string]),
                    "yourCases": ["type": "array", "items": object(
                        ["caseID": string, "number": string, "status": string, "total": integer,
                         "standing": object(["state": ["type": "string", "enum": ["waiting", "not_assessed", "running"]],
                                             "position": integer, "ahead": integer, "waiting": integer])])],
                ], required: ["platform", "scope", "capacity"]),
            "AuditEvent": object(
                [
                    "sequence": integer, "occurredAt": string,
                    "actor": object(
                        ["kind": ["type": "string", "enum": ["user", "system_account", "command_line", "job", "system", "unknown"]],
                         "id": ["type": "string", "format": "uuid"], "displayName": string],
                        required: ["kind", "displayName"]),
                    "action": string, "subject": string,
                    "payload": ["type": "object"], "previousHash": string, "hash": string,
                ], required: ["sequence", "occurredAt", "actor", "action", "subject", "hash"]),
        ]
    }
}
