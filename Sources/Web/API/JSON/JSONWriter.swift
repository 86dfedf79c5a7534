import Domain
import Foundation
import Persistence
import Vapor

/// Writes JSON straight into bytes. The API's busiest answers (a case, a page of cases, a problem) are written
/// with it: Foundation's `JSONEncoder` spent more time on a case than the database did (BENCHMARKS.md).
/// Dates are written as `JSONEncoder`'s `.iso8601` writes them, so every answer has one date format.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    // Whether the next value or key in the current object or array needs a comma before it.
    private var needsComma = false
    // Whether a key was just written, so the next value belongs to it.
    private var afterKey = false

    init(capacity: Int = 1024) { bytes.reserveCapacity(capacity) }

    mutating func object(_ body: (inout JSONWriter) -> Void) {
        open(UInt8(ascii: "{"))
        body(&self)
        close(UInt8(ascii: "}"))
    }

    mutating func array<S: Sequence>(_ elements: S, _ element: (inout JSONWriter, S.Element) -> Void) {
        open(UInt8(ascii: "["))
        for value in elements { element(&self, value) }
        close(UInt8(ascii: "]"))
    }

    /// Starts a member of the current object; its value comes next.
    mutating func key(_ name: String) {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        JSONString.append(name, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        afterKey = true
    }

    mutating func string(_ value: String) {
        separate()
        JSONString.append(value, to: &bytes)
    }

    mutating func string(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    mutating func int(_ value: Int) {
        separate()
        bytes.append(contentsOf: String(value).utf8)
    }

    mutating func bool(_ value: Bool) {
        separate()
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    mutating func null() {
        separate()
        bytes.append(contentsOf: "null".utf8)
    }

    mutating func uuid(_ value: UUID) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        UUIDText.append(value, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    mutating func date(_ value: Date) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        ISO8601Timestamp.append(value, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    mutating func date(_ value: Date?) {
        if let value { date(value) } else { null() }
    }

    /// A value written before, by another `JSONWriter`.
    mutating func raw(_ json: [UInt8]) {
        separate()
        bytes.append(contentsOf: json)
    }

    /// Leaves the value of the member just keyed for later (`JSONTemplate`); returns where in `bytes` it goes.
    mutating func hole() -> Int {
        separate()
        return bytes.count
    }

    /// Writes `template` as one value, filling each of its holes with one value written by `fill`.
    mutating func template<Hole>(_ template: JSONTemplate<Hole>, _ fill: (inout JSONWriter, Hole) -> Void) {
        separate()
        for part in template.parts {
            bytes.append(contentsOf: part.json)
            if let hole = part.hole {
                // A hole is a member's value, and its key is in the JSON just written.
                afterKey = true
                fill(&self, hole)
            }
        }
    }

    /// The members `key: value` in the order given.
    mutating func members(_ members: KeyValuePairs<String, String>) {
        for (name, value) in members {
            key(name)
            string(value)
        }
    }

    private mutating func open(_ bracket: UInt8) {
        separate()
        bytes.append(bracket)
        needsComma = false
    }

    private mutating func close(_ bracket: UInt8) {
        bytes.append(bracket)
        needsComma = true
    }

    private mutating func separate() {
        if afterKey {
            afterKey = false
        } else if needsComma {
            bytes.append(UInt8(ascii: ","))
        }
        needsComma = true
    }
}

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
