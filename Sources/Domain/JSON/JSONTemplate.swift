/// JSON written once, with holes for the values that differ from one answer to the next. A case's process
/// (phases, sections, items with their texts and gates: most of a case's 30 KB) is the same for every case
/// of a published definition version, so it is written once per version and only the case's own values are
/// written per request (`CaseDTO`).
public struct JSONTemplate<Hole: Sendable>: Sendable {
    /// The JSON up to each hole, and the hole; the last part ends the template and has none.
    public let parts: [(json: [UInt8], hole: Hole?)]
    /// The bytes of the template without its holes' values.
    public let byteCount: Int

    /// Records what `write` writes, calling the hole function it is given where a member's value is left open.
    public init(_ write: (inout JSONWriter, _ hole: (inout JSONWriter, Hole) -> Void) -> Void) {
        var json = JSONWriter(capacity: 32 * 1024)
        var holes: [(offset: Int, hole: Hole)] = []
        write(&json) { json, hole in holes.append((json.hole(), hole)) }
        var parts: [(json: [UInt8], hole: Hole?)] = []
        var start = 0
        for (offset, hole) in holes {
            parts.append((Array(json.bytes[start..<offset]), hole))
            start = offset
        }
        parts.append((Array(json.bytes[start...]), nil))
        self.parts = parts
        byteCount = json.bytes.count
    }
}
