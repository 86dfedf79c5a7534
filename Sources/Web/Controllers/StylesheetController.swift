import Foundation
import Vapor

/// `GET /anslut.css`: the pages' stylesheet, a resource of this target, read once. Served from the binary
/// rather than a `Public/` folder looked up in the working directory, so it is there wherever `anslut` runs.
enum StylesheetController {
    static let css: ByteBuffer = {
        let url = Bundle.module.url(forResource: "anslut", withExtension: "css")
        return ByteBuffer(data: url.flatMap { try? Data(contentsOf: $0) } ?? Data())
    }()

    static func show(req: Request) async throws -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .css
        headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=3600")
        return Response(status: .ok, headers: headers, body: .init(buffer: css))
    }
}
