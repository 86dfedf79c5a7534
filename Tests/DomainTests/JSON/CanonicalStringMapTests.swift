import Domain
import Foundation
import Testing

/// `CanonicalStringMap` reads a case's stored order fields in place of `JSONDecoder`. It must read back every
/// map `CanonicalJSON` writes, and must refuse (so that `JSONDecoder` is asked) anything it is not sure of.
@Suite("Canonical string maps")
struct CanonicalStringMapTests {
    private static let alphabet: [Character] = [
        "a", "Z", "0", " ", "å", "Ä", "ö", "\"", "\\", "/", ":", ",", "{", "}", "\u{0}", "\u{1}", "\u{8}", "\u{9}",
        "\u{A}", "\u{C}", "\u{D}", "\u{1F}", "\u{7F}", "é", "🏥", "👩🏽‍⚕️",
    ]

    private static func randomString(_ random: inout SplitMix64) -> String {
        String((0..<Int.random(in: 0...12, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
    }

    private static func written(_ map: [String: String]) -> String {
        CanonicalJSON.object(map.mapValues(CanonicalJSON.string)).encoded
    }

    private static func decoded(_ text: String) -> [String: String]? {
        try? JSONDecoder().decode([String: String].self, from: Data(text.utf8))
    }

    @Test("every map CanonicalJSON writes is read back as it was")
    func roundTrip() {
        var random = SplitMix64(seed: 20261123)
        for _ in 0..<2_000 {
            var map: [String: String] = [:]
            for _ in 0..<Int.random(in: 0...6, using: &random) {
                map[Self.randomString(&random)] = Self.randomString(&random)
            }
            let text = Self.written(map)
            #expect(CanonicalStringMap.parse(text) == map, "\(text)")
        }
    }

    @Test("an order's fields as stored", arguments: [
        [:], ["system_name": "PACS Syd"], ["purpose": "Bildlagring\nför \"röntgen\"", "hsa_id": "SE2321000131-E000000000001"],
    ])
    func orderFields(map: [String: String]) {
        #expect(CanonicalStringMap.parse(Self.written(map)) == map)
    }

    @Test("valid JSON written another way is left to JSONDecoder", arguments: [
        #"{ "a":"b"}"#, #"{"a" :"b"}"#, #"{"a":"b" }"#, #"{"a":"\u00E5"}"#, #"{"a":"\/"}"#, #"{"a":"\uD83C\uDFE5"}"#,
        #"{"a":"b","a":"c"}"#, "{\"a\":\"b\"}\n",
    ])
    func otherWritings(text: String) {
        #expect(CanonicalStringMap.parse(text) == nil)
        #expect(Self.decoded(text) != nil)
    }

    @Test("malformed text is refused", arguments: [
        "", "{", "}", "{}x", "[]", #"{"a"}"#, #"{"a":}"#, #"{"a":1}"#, #"{"a":"b",}"#, #"{,"a":"b"}"#, #"{"a":"b"#,
        #"{"a":"b\"}"#, #"{"a":"\x"}"#, #"{"a":"\u00"}"#, #"{"a":"\u0G00"}"#, "{\"a\":\"\u{1}\"}", #"{"a":"b"}}"#,
        #"{"a":"\"#, #"{"a":null}"#,
    ])
    func malformed(text: String) {
        #expect(CanonicalStringMap.parse(text) == nil)
    }

    @Test("changed bytes never crash and never read differently from JSONDecoder")
    func fuzz() {
        var random = SplitMix64(seed: 4711)
        let replacements = Array(#"{}[]":,\u0aZ "#.utf8) + [0x00, 0x1F, 0xC3, 0xA5]
        for _ in 0..<5_000 {
            var map: [String: String] = [:]
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                map[Self.randomString(&random)] = Self.randomString(&random)
            }
            var bytes = Array(Self.written(map).utf8)
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                let index = Int.random(in: 0..<bytes.count, using: &random)
                switch Int.random(in: 0..<3, using: &random) {
                case 0: bytes[index] = replacements.randomElement(using: &random)!
                case 1: bytes.remove(at: index)
                default: bytes.insert(replacements.randomElement(using: &random)!, at: index)
                }
            }
            let text = String(decoding: bytes, as: UTF8.self)
            if let parsed = CanonicalStringMap.parse(text) {
                #expect(parsed == Self.decoded(text), "\(text)")
            }
        }
    }
}
