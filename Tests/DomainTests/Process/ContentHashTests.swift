import Domain
import Foundation
import Testing

@Suite struct ContentHashTests {
    /// The smallest valid definition, to pin the canonical encoding byte for byte.
    static let tiny = ProcessDefinition(
        id: "mini",
        platform: "MINI",
        version: 1,
        title: LocalizedText(sv: "Liten \"process\"", en: "Small\tprocess"),
        phases: [
            .init(id: "a", title: LocalizedText(sv: "Å", en: "A"), sections: [
                .init(id: "a.s", title: LocalizedText(sv: "S", en: "S"), items: [
                    .init(id: "a.s.i", text: LocalizedText(sv: "Punkt", en: "Item"), kind: .document, owner: .applicant,
                          evidence: [.testProtocol, .attachment]),
                ]),
            ]),
            .init(id: "b", title: LocalizedText(sv: "B", en: "B"), gate: GateRule(decisions: ["b.s.i"]), sections: [
                .init(id: "b.s", title: LocalizedText(sv: "S", en: "S"), items: [
                    .init(id: "b.s.i", text: LocalizedText(sv: "Beslut", en: "Decision"), kind: .decision,
                          owner: .decisionMaker),
                ]),
            ]),
        ]
    )

    @Test func theCanonicalEncodingIsPinned() {
        let expected = #"{"id":"mini","phases":[{"gate":{"decision_role":"decision_maker","decisions":[]},"id":"a","#
            + #""sections":[{"id":"a.s","items":[{"evidence":["attachment","test_protocol"],"id":"a.s.i","kind":"document","#
            + #""owner":"applicant","required":true,"text":{"en":"Item","sv":"Punkt"}}],"title":{"en":"S","sv":"S"}}],"#
            + #""title":{"en":"A","sv":"Å"}},{"gate":{"decision_role":"decision_maker","decisions":["b.s.i"]},"id":"b","#
            + #""sections":[{"id":"b.s","items":[{"evidence":[],"id":"b.s.i","kind":"decision","owner":"decision_maker","#
            + #""required":true,"text":{"en":"Decision","sv":"Beslut"}}],"title":{"en":"S","sv":"S"}}],"#
            + #""title":{"en":"B","sv":"B"}}],"platform":"MINI","title":{"en":"Small\tprocess","sv":"Liten \"process\""},"#
            + #""version":1}"#

        #expect(String(decoding: Self.tiny.canonicalEncoding(), as: UTF8.self) == expected)
        // SHA-256 of `expected`, computed outside Swift (Python's hashlib).
        #expect(Self.tiny.contentHash == "20501162c73b3c8cfcbf215b15eac7064a22e06379ffc6844c7b914ebafc08c5")
    }

    @Test func theCanonicalEncodingReadsBackIntoAnEqualDefinition() throws {
        for definition in [Self.tiny, ProcessFixture.definition] {
            let decoded = try JSONDecoder().decode(ProcessDefinition.self, from: definition.canonicalEncoding())
            #expect(decoded == definition)
        }
    }

    @Test func canonicallyEquivalentTextHashesAlike() {
        var decomposed = Self.tiny
        decomposed.phases[0].title = LocalizedText(sv: "A\u{30A}", en: "A")

        #expect(decomposed == Self.tiny)
        #expect(decomposed.contentHash == Self.tiny.contentHash)
    }

    @Test(arguments: [
        "id", "platform", "version", "title", "phase id", "phase order", "gate role", "section title",
        "item text", "item kind", "item owner", "item required", "item evidence",
    ])
    func everyFieldIsCoveredByTheHash(_ field: String) {
        var changed = ProcessFixture.definition
        switch field {
        case "id": changed.id = "demo2"
        case "platform": changed.platform = "DEMO2"
        case "version": changed.version = 2
        case "title": changed.title = LocalizedText(sv: "Annan", en: "Demo process")
        case "phase id": changed.phases[2].id = "drift"
        case "phase order": changed.phases.swapAt(1, 2)
        case "gate role": changed.phases[0].gate.decisionRole = .admin
        case "section title": changed.phases[0].sections[0].title = LocalizedText(sv: "Kontroller", en: "Controls")
        case "item text": changed.phases[1].sections[0].items[0].text = LocalizedText(sv: "SAD", en: "SAD!")
        case "item kind": changed.phases[1].sections[0].items[0].kind = .form
        case "item owner": changed.phases[1].sections[0].items[0].owner = .technician
        case "item required": changed.phases[1].sections[0].items[0].isRequired = false
        default: changed.phases[1].sections[0].items[0].evidence.insert(.comment)
        }

        #expect(changed.contentHash != ProcessFixture.definition.contentHash)
    }

    @Test func theReferenceCarriesIdVersionAndHash() {
        let reference = ProcessFixture.definition.reference

        #expect(reference == DefinitionReference(id: "demo", version: 1, contentHash: ProcessFixture.definition.contentHash))
        #expect(reference.description == "demo@1")
    }
}
