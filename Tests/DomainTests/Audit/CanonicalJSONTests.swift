import Domain
import Testing

@Suite("Canonical JSON")
struct CanonicalJSONTests {
    @Test("keys are sorted by UTF-8 bytes and there is no white space")
    func sortedCompact() {
        let value: CanonicalJSON = ["b": 1, "a": ["z": true, "ä": nil], "B": [1, "x"]]
        #expect(value.encoded == #"{"B":[1,"x"],"a":{"z":true,"ä":null},"b":1}"#)
    }

    @Test("quotes, backslashes and control characters are escaped, other text is raw UTF-8")
    func escaping() {
        let value: CanonicalJSON = .string("\"\\\n\t\u{01}åäö €")
        #expect(value.encoded == #""\"\\\n\t\u0001åäö €""#)
    }

    @Test("the same logical value always gives the same bytes")
    func deterministic() {
        var members: [String: CanonicalJSON] = [:]
        for index in 0..<200 { members["k\(index)"] = .int(Int64(index)) }
        let first = CanonicalJSON.object(members).encoded
        let rebuilt = CanonicalJSON.object(Dictionary(uniqueKeysWithValues: members.reversed())).encoded
        #expect(first == rebuilt)
    }
}
