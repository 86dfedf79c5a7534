import Vapor

/// The second wall against header injection, outside every other middleware: whatever a controller put into
/// a response (a redirect target, a cookie, a file name), no header whose name or value holds CR, LF or NUL
/// leaves the server. Such a header is dropped and logged as the bug it is; the rest of the answer stands.
/// A plain `Middleware`: it only looks at the answer, so it needs no task of its own.
struct HeaderGuard: Middleware {
    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        next.respond(to: request).map { response in
            Self.dropUnsafeHeaders(of: response, logger: request.logger)
            return response
        }
    }

    static func dropUnsafeHeaders(of response: Response, logger: Logger) {
        guard response.headers.contains(where: { isUnsafe($0.name) || isUnsafe($0.value) }) else { return }
        var safe = HTTPHeaders()
        for (name, value) in response.headers {
            if isUnsafe(name) || isUnsafe(value) {
                logger.error("Dropped a response header holding CR, LF or NUL", metadata: ["header": "\(name)"])
            } else {
                safe.add(name: name, value: value)
            }
        }
        response.headers = safe
    }

    private static func isUnsafe(_ text: String) -> Bool {
        text.utf8.contains { $0 == 0x0D || $0 == 0x0A || $0 == 0x00 }
    }
}
