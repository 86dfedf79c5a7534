import Domain
import Foundation
import ProcessFiles
import Testing

/// The profiles in `Processes/profiles`, and the loader's refusals.
@Suite struct HL7ProfileTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Processes/profiles")

    @Test func bothPlatformsHaveAProfileWithTheIssuesMessagesAndTestCases() throws {
        let profiles = try HL7ProfileLoader.loadFolder(Self.folder)
        #expect(Set(profiles.map(\.platform)) == ["BFR", "TAKECARE"])
        for profile in profiles {
            let names = Set(profile.messages.map(\.name))
            for required in ["ADT^A01", "ADT^A04", "ADT^A08", "ADT^A31", "ADT^A40", "ADT^A47", "ORM^O01", "OMI^O23", "ORU^R01", "MDM^T02"] {
                #expect(names.contains(required), "\(profile.id) lacks \(required)")
            }
            #expect(profile.testCases.count >= 4)
            #expect(profile.contentHash.count == 64)
            // `max` left out means 1, `max: null` no upper bound.
            #expect(profile.rule(type: "ORU", event: "R01")?.segments.first { $0.id == "OBX" }?.max == nil)
            #expect(profile.rule(type: "ADT", event: "A01")?.segments.first { $0.id == "PD1" }?.max == 1)
        }
    }

    @Test func theHashFollowsTheContentNotTheLayout() throws {
        let yaml = """
            id: x-hl7
            platform: X
            version: 1
            title: {sv: X, en: X}
            versions: ["2.5"]
            processing_ids: [T]
            messages: [{type: ADT, event: A01, segments: [{id: MSH, min: 1}, {id: PID, min: 1}]}]
            """
        let a = try HL7ProfileLoader.load(yaml: yaml, file: "a.yaml")
        let b = try HL7ProfileLoader.load(yaml: yaml.replacingOccurrences(of: "version: 1\n", with: "version: 1\n\n# a comment\n"), file: "b.yaml")
        #expect(a.contentHash == b.contentHash)
        let c = try HL7ProfileLoader.load(yaml: yaml.replacingOccurrences(of: "{id: PID, min: 1}", with: "{id: PID, min: 1, max: 2}"), file: "c.yaml")
        #expect(a.contentHash != c.contentHash)
    }

    @Test func aBrokenProfileIsRefusedNamingTheFileAndTheRule() {
        let yaml = """
            id: x-hl7
            platform: X
            version: 1
            title: {sv: X, en: X}
            versions: ["2.5"]
            processing_ids: [T]
            messages: [{type: ADT, event: A01, required_fields: [PID5], segments: [{id: PID, min: 1}]}]
            test_cases: [{id: t, message: "ORU^R01", title: {sv: t, en: t}}]
            """
        #expect {
            try HL7ProfileLoader.load(yaml: yaml, file: "x.yaml")
        } throws: { error in
            let messages = (error as? ProcessLoadError)?.problems.map(\.message.en) ?? []
            return messages.contains { $0.contains("the first segment must be MSH") }
                && messages.contains { $0.contains("\"PID5\" is no field path") }
                && messages.contains { $0.contains("ORU^R01, which the profile does not accept") }
                && (error as? ProcessLoadError)?.problems.allSatisfy { $0.file == "x.yaml" } == true
        }
        #expect(throws: ProcessLoadError.self) { try HL7ProfileLoader.load(yaml: "id: [", file: "y.yaml") }
    }
}
