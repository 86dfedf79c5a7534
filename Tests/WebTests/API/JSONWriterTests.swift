import Domain
import Foundation
import ProcessFiles
import TestSupport
import Testing
@testable import Web

/// `JSONWriter` writes the API's busiest answers by hand; these tests hold it to what `JSONEncoder` (with the
/// API's settings: camelCase keys) would have written for the same values.
@Suite("Hand-written JSON")
struct JSONWriterTests {
    private static let encoder = APIKeys.encoder

    private func parsed(_ bytes: [UInt8]) throws -> NSObject {
        try #require(JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed]) as? NSObject)
    }

    private func encoded(_ value: some Encodable) throws -> NSObject {
        try parsed(Array(Self.encoder.encode(value)))
    }

    private func written(_ body: (inout JSONWriter) -> Void) throws -> NSObject {
        var json = JSONWriter()
        body(&json)
        return try parsed(json.bytes)
    }

    @Test("strings survive any character, escapes included", arguments: [
        "", "plain", "åäö ÅÄÖ", "quote \" backslash \\ slash /", "tab\tnew\nline\r", "\u{0}\u{1}\u{1F}\u{7F}",
        "<script>alert('x')</script>", "emoji 🏥 and 👩🏽‍⚕️",
    ])
    func strings(text: String) throws {
        #expect(try written { $0.string(text) } == (text as NSString))
    }

    @Test("random strings round-trip through JSONSerialization")
    func randomStrings() throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let scalars = (0..<Int.random(in: 0..<40, using: &generator)).compactMap { _ in
                Unicode.Scalar(UInt32.random(in: 0..<0x300, using: &generator))
            }
            let text = String(String.UnicodeScalarView(scalars))
            #expect(try written { $0.string(text) } == (text as NSString))
        }
    }

    @Test("domain values read as their Codable encoding reads")
    func domainValues() throws {
        let date = Date(timeIntervalSince1970: 1_795_000_000.75)
        let state = ItemState(
            status: .notApplicable, changedBy: "user-1", changedAt: date, reason: "Ingen \"PU-tjänst\"\nbehövs",
            evidence: [Evidence(.comment, "Se bilaga"), Evidence(.attachment, "doc-1")])
        #expect(try written { $0.itemState(state) } == encoded(state))
        #expect(try written { $0.itemState(.untouched) } == encoded(ItemState.untouched))
        let decision = Decision(item: ItemID(rawValue: "del1.beslut"), outcome: .reject, decidedBy: "u", decidedAt: date,
                                reason: "Saknar SAD")
        #expect(try written { $0.decision(decision) } == encoded(decision))
        let gate = GateRule(decisionRole: .securityReviewer, decisions: [ItemID(rawValue: "a"), ItemID(rawValue: "b")])
        #expect(try written { $0.gate(gate) } == encoded(gate))
        let reference = DefinitionReference(id: ProcessDefinition.ID(rawValue: "bfr"), version: 3, contentHash: "ab12")
        #expect(try written { $0.definition(reference) } == encoded(reference))
        let text = LocalizedText(sv: "Beställning", en: "Order")
        #expect(try written { $0.text(text) } == encoded(text))
        #expect(try written { $0.date(date) } == encoded(date))
    }

    @Test("dates read as ISO8601FormatStyle writes them, before 1970 and after 9999 too")
    func dates() throws {
        var generator = SystemRandomNumberGenerator()
        let edges: [TimeInterval] = [0, -0.5, 0.999, 951_782_400, 4_107_542_399.9, 253_402_300_799.5, 253_402_300_800]
        let random = (0..<2_000).map { _ in TimeInterval.random(in: -1e10...3e11, using: &generator) }
        for seconds in edges + random {
            let date = Date(timeIntervalSince1970: seconds)
            var json = JSONWriter()
            json.date(date)
            #expect(json.bytes == Array("\"\(date.formatted(.iso8601))\"".utf8), "\(seconds)")
        }
        for date in [Date.distantPast, Date.distantFuture] {
            var json = JSONWriter()
            json.date(date)
            #expect(json.bytes == Array("\"\(date.formatted(.iso8601))\"".utf8))
        }
    }

    @Test("objects and arrays nest with commas only between members")
    func nesting() throws {
        let value = try written { json in
            json.object { json in
                json.key("empty")
                json.object { _ in }
                json.key("list")
                json.array([1, 2, 3]) { $0.int($1) }
                json.key("nested")
                json.array([[Int](), [4]]) { json, inner in json.array(inner) { $0.int($1) } }
                json.key("none")
                json.null()
                json.key("yes")
                json.bool(true)
            }
        }
        let expected = try parsed(Array(#"{"empty":{},"list":[1,2,3],"nested":[[],[4]],"none":null,"yes":true}"#.utf8))
        #expect(value == expected)
    }

    @Test("a case's process written from the cached template is byte for byte the process written directly")
    func processTemplate() throws {
        let definitions = try ProcessDefinitionLoader.loadFolder(URL(fileURLWithPath: processesFolder))
        #expect(!definitions.isEmpty)
        let date = Date(timeIntervalSince1970: 1_795_000_000)
        for definition in definitions {
            let items = definition.phases.flatMap(\.sections).flatMap(\.items)
            // Every other item touched, so filled holes and untouched ones both occur.
            let states = Dictionary(uniqueKeysWithValues: items.enumerated().filter { $0.offset.isMultiple(of: 2) }.map {
                ($0.element.id, ItemState(
                    status: .done, changedBy: "user-\($0.offset)", changedAt: date, reason: "skäl \"\($0.offset)\"",
                    evidence: [Evidence(.comment, "Se bilaga")]))
            })
            let current = try #require(definition.phases.last).id
            func value(_ json: inout JSONWriter, _ value: CaseProcessJSON.Value) {
                switch value {
                case .isCurrent(let phase): json.bool(phase == current)
                case .state(let item): json.itemState(states[item] ?? .untouched)
                }
            }
            var direct = JSONWriter()
            CaseProcessJSON.write(definition, to: &direct, value)
            for _ in 0..<2 {  // the first call writes the template, the second reads it from the cache
                var cached = JSONWriter()
                cached.template(CaseProcessJSON.template(for: definition, as: definition.reference), value)
                #expect(cached.bytes == direct.bytes)
            }
            #expect(try parsed(direct.bytes) is NSArray)
        }
    }
}
