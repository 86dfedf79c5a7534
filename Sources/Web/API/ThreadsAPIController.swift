import Domain
import Persistence
import Workflow
import Vapor

/// Comments and questions on a case: `/api/v1/cases/{id}/threads…`.
enum ThreadsAPIController {
    struct OpenRequest: Content {
        let kind: CaseThreads.Kind
        let item: String?
        let text: String
    }

    struct ReplyRequest: Content {
        let text: String
    }

    struct MessageDTO: Content {
        let authorID: UUID
        let body: String
        let createdAt: Date
    }

    struct ThreadDTO: Content {
        let id: UUID
        let kind: CaseThreads.Kind
        let status: CaseThreads.Status
        let item: String?
        let createdBy: UUID
        let messages: [MessageDTO]

        init(_ thread: CaseThreads.Thread) {
            id = thread.id
            kind = thread.kind
            status = thread.status
            item = thread.item
            createdBy = thread.createdBy
            messages = thread.messages.map { MessageDTO(authorID: $0.authorID, body: $0.body, createdAt: $0.createdAt) }
        }
    }

    static func list(req: Request) async throws -> [ThreadDTO] {
        let principal = try req.requirePrincipal()
        let (record, _) = try await CaseAccess.visibleCase(try req.uuidParameter("id"), to: principal, on: req.store)
        return try await CaseThreads.threads(of: record.id, on: req.store).map(ThreadDTO.init)
    }

    static func open(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        let body = try req.content.decode(OpenRequest.self)
        let thread = try await ThreadWorkflow.open(
            body.kind, item: body.item, text: body.text, on: try req.uuidParameter("id"), by: principal, in: req.store, clock: req.application.config.clock)
        return try await ThreadDTO(thread).encodeResponse(status: .created, for: req)
    }

    static func reply(req: Request) async throws -> ThreadDTO {
        let principal = try req.requirePrincipal()
        let body = try req.content.decode(ReplyRequest.self)
        return ThreadDTO(try await ThreadWorkflow.reply(
            body.text, to: try req.uuidParameter("thread"), on: try req.uuidParameter("id"), by: principal, in: req.store, clock: req.application.config.clock))
    }

    static func close(req: Request) async throws -> ThreadDTO {
        let principal = try req.requirePrincipal()
        return ThreadDTO(try await ThreadWorkflow.close(try req.uuidParameter("thread"), on: try req.uuidParameter("id"), by: principal, in: req.store, clock: req.application.config.clock))
    }
}
