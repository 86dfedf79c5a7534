import Domain
import Foundation
import HL7
import Integration
import Testing

/// Pins the complete output of `HL7MessageCheck` (every finding with its severity, code, rule, location and both
/// texts, and the whole summary) for 48 messages from `Benchmarks/hl7/generate.py` and a set of edge cases, so the
/// check's hot path can be rewritten for speed without changing what it says (BENCHMARKS.md, HL7).
///
/// The expected output is `Fixtures/hl7-check-pinned.json`. To re-record it after an intended change of behaviour,
/// run the test with `HL7_CHECK_PINNED_RECORD=1` and review the diff.
@Suite struct HL7CheckPinnedOutputTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let check = HL7MessageCheck(HL7MessageCheckTests.profile)

    /// One message's pinned result.
    struct Pinned: Codable, Equatable {
        var name: String
        var findings: [VerificationFinding]
        var summary: HL7MessageSummary
        /// The summary computed on its own (`HL7MessageCheck.summary(_:)`), which must equal the check's.
        var summaryAlone: HL7MessageSummary
    }

    /// `generated-48.hl7`: the first 36 messages of the benchmark file (seed 20260101) and 12 with seed 5.
    static func generatedMessages() throws -> [(String, [UInt8])] {
        let bytes = [UInt8](try Data(contentsOf: fixtures.appendingPathComponent("generated-48.hl7")))
        return MessageSplitter.split(bytes).messageRanges.enumerated().map { ("generated-\($0.offset + 1)", Array(bytes[$0.element])) }
    }

    static let pid = "PID|1||189001019802^^^&1.2.752.129.2.1.3.1&ISO^PN||Åberg^Märta||18900101|F"

    /// A header to BFR with `fields` replacing MSH-3 … MSH-18 by number.
    static func msh(_ fields: [Int: String] = [:]) -> String {
        var values: [Int: String] = [
            3: "RIS^1.2.752.1^ISO", 4: "SU", 5: "BFR", 6: "VGR", 7: "20261206101500", 9: "ADT^A01^ADT_A01", 10: "MSG1",
            11: "T", 12: "2.5.1", 18: "UNICODE UTF-8",
        ]
        values.merge(fields) { $1 }
        return "MSH|^~\\&|" + (3...18).map { values[$0] ?? "" }.joined(separator: "|")
    }

    static func message(_ segments: [String], ending: String = "\r") -> [UInt8] {
        Array((segments.joined(separator: ending) + ending).utf8)
    }

    static func adt(_ fields: [Int: String] = [:], pid: String = pid, extra: [String] = []) -> [UInt8] {
        message([msh(fields), "EVN|A01|20261206101500", pid] + extra + ["PV1|1|O"])
    }

    static func pid3(_ value: String) -> String { "PID|1||\(value)||Åberg^Märta||18900101|F" }

    /// Edge cases for every branch the checks have: header fields missing, escaped, repeated or with components;
    /// character sets; structure; required fields; every identity rule.
    static func edgeCases() -> [(String, [UInt8])] {
        var cases: [(String, [UInt8])] = [
            ("sound", adt()),
            ("production-P", adt([11: "P"])),
            ("processing-components", adt([11: "T^A"])),
            ("processing-empty", adt([11: ""])),
            ("version-components", adt([12: "2.5.1^SWE^HL70399"])),
            ("version-unknown", adt([12: "2.2"])),
            ("version-empty", adt([12: ""])),
            ("control-id-escaped", adt([10: #"MSG\T\1\S\2"#])),
            ("control-id-empty", adt([10: ""])),
            ("type-empty", adt([9: ""])),
            ("type-only-code", adt([9: "ADT"])),
            ("type-unknown", adt([9: "SIU^S12^SIU_S12"])),
            ("event-unknown", adt([9: "ADT^A02^ADT_A02"])),
            ("type-subcomponents", adt([9: "ADT&X^A01"])),
            ("type-repeated", adt([9: "ADT^A01~ORU^R01"])),
            ("type-escaped", adt([9: #"AD\T\T^A01"#])),
            ("type-empty-code", adt([9: "^A01"])),
            ("senders-components-repetitions", adt([3: "RIS&X^1.2^ISO~OTHER", 4: "^1.2.752^ISO"])),
            ("sender-escaped", adt([3: #"R\F\IS"#, 4: #"S\E\U"#])),
            ("receivers-wrong", adt([5: "PACS^1.2^ISO", 6: "SLL"])),
            ("receivers-empty", adt([5: "", 6: ""])),
            ("receiver-escaped", adt([5: #"B\T\FR"#])),
            ("charset-latin1-label-utf8-text", adt([18: "8859/1"])),
            ("charset-unknown", adt([18: "8859/15"])),
            ("charset-repeated", adt([18: "UNICODE UTF-8~8859/1"])),
            ("charset-empty-ascii", message([msh([18: ""]), "EVN|A01|1", "PID|1||189001019802^^^&1.2.752.129.2.1.3.1&ISO||Aberg^Marta||18900101", "PV1|1|O"])),
            ("charset-empty-high-bytes", adt([18: ""])),
            ("header-truncated", message(["MSH|^~\\&|RIS|SU|BFR|VGR|2026||ADT^A01", "EVN|A01", pid, "PV1|1|O"])),
            ("header-only", message(["MSH|^~\\&|RIS|SU|BFR|VGR|2026||ADT^A08|M9|T|2.5"])),
            ("line-feeds", message([msh(), "EVN|A01|1", pid, "PV1|1|O"], ending: "\n")),
            ("crlf", message([msh(), "EVN|A01|1", pid, "PV1|1|O"], ending: "\r\n")),
            ("other-delimiters", Array(([
                "MSH#$*@!#RIS$1.2$ISO#SU#BFR#VGR#2026##ADT$A01#M\u{40}T\u{40}1#T#2.5.1#######UNICODE UTF-8",
                "EVN#A01", "PID#1##189001019802$$$!1.2.752.129.2.1.3.1!ISO$PN*RIS1$$$RIS!1.2.752.113.11.0.2.1.1.1!ISO##Åberg$Märta##18900101",
                "PV1#1#O",
            ].joined(separator: "\r") + "\r").utf8)),
            ("evn-missing", message([msh(), pid, "PV1|1|O"])),
            ("z-segment", adt(extra: ["ZBF|1", "ZBF|2"])),
            ("pid-twice", adt(extra: [pid3("191212121212^^^&1.2.752.129.2.1.3.1&ISO")])),
            ("out-of-order", message([msh(), "EVN|A01|1", pid, "PV1|1|O", "NK1|1|X", "PV1|2|I"])),
            ("out-of-order-pd1", message([msh(), "EVN|A01|1", pid, "PV1|1|O", "PD1|||X"])),
            ("repeating-groups", message([msh([9: "ORU^R01"]), pid, "OBR|1||A1|CT^CT", "OBX|1|TX|R||a", "OBR|2||A2|MR^MR", "OBX|1|TX|R||b", "ORC|NW", "OBR|3||A3|US^US"])),
            ("segments-missing", message([msh([9: "OMI^O23"]), "PV1|1|O"])),
            ("required-empty", adt(pid: "PID|1||189001019802^^^&1.2.752.129.2.1.3.1&ISO||^Märta||18900101|F", extra: [])),
            ("required-repetition", adt(pid: "PID|1||189001019802^^^&1.2.752.129.2.1.3.1&ISO||~Åberg^Märta||18900101|F")),
            ("required-short-segment", message([msh(), "EVN|A01", "PID|1", "PV1"])),
            ("required-escaped-only", adt(pid: #"PID|1||189001019802^^^&1.2.752.129.2.1.3.1&ISO||\T\^Märta||18900101|F"#)),
            ("no-pid", message([msh([9: "ORU^R01"]), "OBR|1||A1|CT^CT", "OBX|1|TX|R||a"])),
            ("pid3-empty", adt(pid: pid3(""))),
            ("pid3-empty-repetitions", adt(pid: pid3("~~189001019802^^^&1.2.752.129.2.1.3.1&ISO~"))),
            ("pid3-real", adt(pid: pid3("191212121212^^^&1.2.752.129.2.1.3.1&ISO^PN"))),
            ("pid3-ten-digit", adt(pid: pid3("1212121212^^^&1.2.752.129.2.1.3.1&ISO"))),
            ("pid3-hyphen", adt(pid: pid3("19121212-1212^^^&1.2.752.129.2.1.3.1&ISO"))),
            ("pid3-wrong-check", adt(pid: pid3("189001019803^^^&1.2.752.129.2.1.3.1&ISO"))),
            ("pid3-bad-date-and-check", adt(pid: pid3("189013329803^^^&1.2.752.129.2.1.3.1&ISO"))),
            ("pid3-future", adt(pid: pid3("202712310008^^^&1.2.752.129.2.1.3.1&ISO"))),
            ("pid3-letters", adt(pid: pid3("18900101980X^^^&1.2.752.129.2.1.3.1&ISO"))),
            ("pid3-too-short", adt(pid: pid3("1890010198^^^&1.2.752.129.2.1.3.1&ISO"))),
            ("pid3-empty-value-with-oid", adt(pid: pid3("^^^&1.2.752.129.2.1.3.1&ISO"))),
            ("pid3-escaped-value", adt(pid: pid3(#"1912121212\T\12^^^&1.2.752.129.2.1.3.1&ISO"#))),
            ("pid3-hex-escape", adt(pid: pid3(#"19121212\X31\212^^^&1.2.752.129.2.1.3.1&ISO"#))),
            ("pid3-escaped-oid", adt(pid: pid3(#"189001019802^^^&1.2.752.129.2.1.3\T\1&ISO"#))),
            ("pid3-hex-escaped-oid", adt(pid: pid3(#"191212121212^^^&1.2.752.129.2.1.3\X2E\1&ISO"#))),
            ("pid3-non-ascii-oid", adt(pid: pid3("191212121212^^^&1.2.752.129.2.1.3.Å&ISO"))),
            ("pid3-many-repetitions", adt(pid: pid3((1...20).map {
                $0 == 17 ? "191212121212^^^&1.2.752.129.2.1.3.1&ISO" : $0 % 3 == 0 ? "RIS\($0)^^^RIS" : "189001019802^^^&1.2.752.129.2.1.3.1&ISO"
            }.joined(separator: "~")))),
            ("pid3-many-repetitions-oids", adt(pid: pid3((1...18).map {
                $0 % 2 == 0 ? "22950606FH20^^^&1.2.752.74.9.1&ISO" : $0 == 15 ? "197010632391^^^&1.2.752.74.9.1&ISO" : "189001019802^^^1.2.752.129.2.1.3.1"
            }.joined(separator: "~")))),
            ("pid3-samordningsnummer", adt(pid: pid3("197010632391^^^&1.2.752.129.2.1.3.3&ISO"))),
            ("pid3-samordningsnummer-bad", adt(pid: pid3("197010632392^^^&1.2.752.129.2.1.3.3&ISO"))),
            ("pid3-national-reservnummer", adt(pid: pid3("22950606FH20^^^&1.2.752.74.9.1&ISO"))),
            ("pid3-national-reservnummer-bad", adt(pid: pid3("22950606FI21^^^&1.2.752.74.9.1&ISO"))),
            ("pid3-vgr-reservnummer", adt(pid: pid3("19810829M071^^^&1.2.752.113.11.0.2.1.1.1&ISO"))),
            ("pid3-vgr-local-ris", adt(pid: pid3("189001019802^^^&1.2.752.129.2.1.3.1&ISO~123456^^^RIS&1.2.752.113.11.0.2.1.1.1&ISO^PI"))),
            ("pid3-stockholm", adt(pid: pid3("991981000011^^^&1.2.752.97.3.1.3&ISO"))),
            ("pid3-urn-oid", adt(pid: pid3("191212121212^^^&urn:oid:1.2.752.129.2.1.3.1&ISO"))),
            ("pid3-oid-in-namespace", adt(pid: pid3("191212121212^^^1.2.752.129.2.1.3.1^PN"))),
            ("pid3-oid-in-namespace-with-type", adt(pid: pid3("189001019802^^^1.2.752.129.2.1.3.1&&ISO"))),
            ("pid3-organisation", adt(pid: pid3("5565594230^^^&2.5.4.97&ISO"))),
            ("pid3-hsa", adt(pid: pid3("SE2321000131-E000000000001^^^&1.2.752.129.2.1.4.1&ISO"))),
            ("pid3-unknown-oid-only", adt(pid: pid3("RIS123^^^RIS&1.2.3.4&ISO"))),
            ("pid3-namespace-only", adt(pid: pid3("RIS123^^^RIS"))),
            ("pid3-no-authority", adt(pid: pid3("RIS123"))),
            ("pid3-conflicting", adt(pid: pid3("189001019802^^^&1.2.752.129.2.1.3.1&ISO~191212121212^^^&1.2.752.129.2.1.3.1&ISO~189001019802^^^&1.2.752.129.2.1.3.1&ISO"))),
            ("pid3-same-twice", adt(pid: pid3("189001019802^^^&1.2.752.129.2.1.3.1&ISO~189001019802^^^&1.2.752.129.2.1.3.1&ISO"))),
            ("pid3-many-components", adt(pid: pid3("189001019802^1^M10^&1.2.752.129.2.1.3.1&ISO^PN^VGR&1.2&ISO^20260101"))),
            ("pid3-check-digit-parts", adt(pid: pid3("189001019802^2^M11"))),
            ("a40-no-mrg", message([msh([9: "ADT^A40^ADT_A39"]), "EVN|A40", pid, "PV1|1|O"])),
            ("a40-empty-mrg", message([msh([9: "ADT^A40^ADT_A39"]), "EVN|A40", pid, "MRG|", "PV1|1|O"])),
            ("a40-mrg-empty-values", message([msh([9: "ADT^A40^ADT_A39"]), "EVN|A40", pid, "MRG|^^^&1.2.752.74.9.1&ISO", "PV1|1|O"])),
            ("a40-mrg-equal", message([msh([9: "ADT^A40^ADT_A39"]), "EVN|A40", pid, "MRG|189001019802^^^&1.2.752.129.2.1.3.1&ISO", "PV1|1|O"])),
            ("a40-mrg-reservnummer", message([msh([9: "ADT^A40^ADT_A39"]), "EVN|A40", pid, "MRG|22950606FH20^^^&1.2.752.74.9.1&ISO~191212121212^^^&1.2.752.129.2.1.3.1&ISO", "PV1|1|O"])),
            ("a40-mrg-same-value-other-oid", message([msh([9: "ADT^A40^ADT_A39"]), "EVN|A40", pid, "MRG|189001019802^^^&1.2.752.129.2.1.3.3&ISO", "PV1|1|O"])),
            ("a47-mrg-invalid", message([msh([9: "ADT^A47^ADT_A30"]), "EVN|A47", pid, "MRG|189001019803^^^&1.2.752.129.2.1.3.1&ISO~X^^^1.2.752.74.9.1", "PV1|1|O"])),
            ("a40-mrg-twice", message([msh([9: "ADT^A40^ADT_A39"]), "EVN|A40", pid, "MRG|22950606FH20^^^&1.2.752.74.9.1&ISO", "MRG|191212121212^^^&1.2.752.129.2.1.3.1&ISO"])),
            ("a40-mrg-bar-keys", message([msh([9: "ADT^A40^ADT_A39"]), "EVN|A40", pid3(#"1\F\2^^^&9.9&ISO"#), #"MRG|1^^^&2\F\9.9&ISO"#, "PV1|1|O"])),
            ("a40-mrg-no-oids", message([msh([9: "ADT^A40^ADT_A39"]), "EVN|A40", pid3("X1~X2"), "MRG|X2", "PV1|1|O"])),
            ("a40-mrg-bar-values-differ", message([msh([9: "ADT^A40^ADT_A39"]), "EVN|A40", pid3(#"1\F\2^^^&9.9&ISO"#), #"MRG|1\F\2^^^&9.8&ISO"#, "PV1|1|O"])),
            ("oru-a40", message([msh([9: "ORU^A40"]), pid, "OBR|1||A1|CT^CT", "OBX|1|TX|R||a"])),
            ("a01-with-mrg", adt(extra: ["MRG|191212121212^^^&1.2.752.129.2.1.3.1&ISO"])),
            ("everything-wrong", message([msh([3: "", 4: "", 5: "X", 6: "Y", 9: "ADT^A40", 10: "", 11: "P", 12: "2.9", 18: "8859/15"]), "ZZZ|1", "PID|1||RIS1^^^RIS~191212121212^^^1.2.752.129.2.1.3.1", "MRG|191212121212^^^1.2.752.129.2.1.3.1"])),
        ]
        // A message in 8859/1: the checks decode CX.1, names and header values in the message's own set.
        let latin1Text = msh([18: "8859/1", 3: "RÖNTGEN", 10: "MSGÅ"]) + "\rEVN|A01\r"
            + pid3("189001019802^^^&1.2.752.129.2.1.3.1&ISO~RÖ123^^^&1.2.752.113.11.0.2.1.1.1&ISO") + "\rPV1|1|O\r"
        cases.append(("latin1", latin1Text.unicodeScalars.map { UInt8($0.value) }))
        return cases
    }

    static func run(_ cases: [(String, [UInt8])]) throws -> [Pinned] {
        try cases.map { name, bytes in
            let message = try Message(bytes: bytes)
            let (findings, summary) = check.check(message, verification: true, today: HL7MessageCheckTests.today)
            return Pinned(name: name, findings: findings, summary: summary, summaryAlone: HL7MessageCheck.summary(message))
        }
    }

    @Test func theCompleteCheckOutputIsPinned() throws {
        let actual = try Self.run(Self.generatedMessages() + Self.edgeCases())
        #expect(actual.count == 48 + Self.edgeCases().count)
        #expect(actual.allSatisfy { $0.summary == $0.summaryAlone })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let url = Self.fixtures.appendingPathComponent("hl7-check-pinned.json")
        if ProcessInfo.processInfo.environment["HL7_CHECK_PINNED_RECORD"] == "1" {
            try (encoder.encode(actual) + Data("\n".utf8)).write(to: url)
            return
        }
        let expected = try JSONDecoder().decode([Pinned].self, from: Data(contentsOf: url))
        #expect(actual.count == expected.count)
        for (actual, expected) in zip(actual, expected) {
            #expect(actual == expected, "\(actual.name)")
        }
        // Byte for byte too, so the file stays the reviewed record.
        #expect(try encoder.encode(actual) + Data("\n".utf8) == Data(contentsOf: url))
    }

    /// What is stored with each message reads back as what was checked, and is what `JSONEncoder` writes.
    @Test func theStoredJSONReadsBackAsChecked() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for pinned in try Self.run(Self.generatedMessages() + Self.edgeCases()) {
            let findings = pinned.findings.map(\.worded)
            let summary = StoredMessageJSON.summary(pinned.summary)
            let stored = StoredMessageJSON.findings(findings)
            #expect(try JSONDecoder().decode(HL7MessageSummary.self, from: Data(summary)) == pinned.summary, "\(pinned.name)")
            #expect(try JSONDecoder().decode([VerificationFinding].self, from: Data(stored)) == findings, "\(pinned.name)")
            #expect(Data(summary) == (try encoder.encode(pinned.summary)), "\(pinned.name)")
            #expect(Data(stored) == (try encoder.encode(findings)), "\(pinned.name)")
        }
    }

    /// The pinned file draws what the benchmark's traffic draws: every kind of finding the generator provokes.
    @Test func thePinnedGeneratedMessagesDrawProductionFindings() throws {
        let rules = Set(try Self.run(Self.generatedMessages()).flatMap { $0.findings.map(\.rule) })
        #expect(rules.isSuperset(of: ["header.processing-id", "identity.real-personnummer", "structure.unexpected-segment"]))
    }
}
