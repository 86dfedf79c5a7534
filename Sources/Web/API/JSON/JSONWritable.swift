import Domain
import Vapor

/// A value the API answers with, written by `JSONWriter`.
protocol JSONWritable: AsyncResponseEncodable {
    func write(to json: inout JSONWriter)
    /// About how many bytes `write` writes; reserved up front, so that a large answer is not copied as it grows.
    var expectedSize: Int { get }
}

extension JSONWritable {
    var expectedSize: Int { 1024 }

    var jsonBytes: [UInt8] {
        var json = JSONWriter(capacity: expectedSize)
        write(to: &json)
        return json.bytes
    }

    func encodeResponse(for request: Request) async throws -> Response {
        response(status: .ok, contentType: .json)
    }

    func response(status: HTTPResponseStatus, contentType: HTTPMediaType) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = contentType
        return Response(status: status, headers: headers, body: .init(buffer: ByteBuffer(bytes: jsonBytes)))
    }
}
