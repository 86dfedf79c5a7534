import Vapor

/// Applies a middleware to the pages only: requests for the JSON API pass straight on. Both middlewares it
/// wraps are `AsyncMiddleware`s, which start a task (and hop threads twice) for every request they see, and
/// `FileMiddleware` also asks the file system whether `Public/` holds the path; the API needs neither.
struct PagesOnly<Wrapped: Middleware>: Middleware {
    let wrapped: Wrapped

    init(_ wrapped: Wrapped) { self.wrapped = wrapped }

    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        request.isAPI ? next.respond(to: request) : wrapped.respond(to: request, chainingTo: next)
    }
}
