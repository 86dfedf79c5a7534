import Foundation

/// Writes JSON straight into bytes. The API's busiest answers (a case, a page of cases, a problem) are written
/// with it: Foundation's `JSONEncoder` spent more time on a case than the database did (BENCHMARKS.md).
/// Dates are written as `JSONEncoder`'s `.iso8601` writes them, so every answer has one date format.
public struct JSONWriter {
    public private(set) var bytes: [UInt8] = []
    // Whether the next value or key in the current object or array needs a comma before it.
    private var needsComma = false
    // Whether a key was just written, so the next value belongs to it.
    private var afterKey = false

    public init(capacity: Int = 1024) { bytes.reserveCapacity(capacity) }

    public mutating func object(_ body: (inout JSONWriter) -> Void) {
        open(UInt8(ascii: "{"))
        body(&self)
        close(UInt8(ascii: "}"))
    }

    public mutating func array<S: Sequence>(_ elements: S, _ element: (inout JSONWriter, S.Element) -> Void) {
        open(UInt8(ascii: "["))
        for value in elements { element(&self, value) }
        close(UInt8(ascii: "]"))
    }

    /// Starts a member of the current object; its value comes next.
    public mutating func key(_ name: String) {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        JSONString.append(name, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        afterKey = true
    }

    public mutating func string(_ value: String) {
        separate()
        JSONString.append(value, to: &bytes)
    }

    public mutating func string(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    public mutating func int(_ value: Int) {
        separate()
        bytes.append(contentsOf: String(value).utf8)
    }

    public mutating func bool(_ value: Bool) {
        separate()
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    public mutating func null() {
        separate()
        bytes.append(contentsOf: "null".utf8)
    }

    public mutating func uuid(_ value: UUID) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        UUIDText.append(value, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    public mutating func date(_ value: Date) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        ISO8601Timestamp.append(value, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    public mutating func date(_ value: Date?) {
        if let value { date(value) } else { null() }
    }

    /// A value written before, by another `JSONWriter`.
    public mutating func raw(_ json: [UInt8]) {
        separate()
        bytes.append(contentsOf: json)
    }

    /// Leaves the value of the member just keyed for later (`JSONTemplate`); returns where in `bytes` it goes.
    public mutating func hole() -> Int {
        separate()
        return bytes.count
    }

    /// Writes `template` as one value, filling each of its holes with one value written by `fill`.
    public mutating func template<Hole>(_ template: JSONTemplate<Hole>, _ fill: (inout JSONWriter, Hole) -> Void) {
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
    public mutating func members(_ members: KeyValuePairs<String, String>) {
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
