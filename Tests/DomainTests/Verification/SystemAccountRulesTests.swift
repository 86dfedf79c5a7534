import Domain
import Foundation
import Testing

@Suite("What a verification account's calling AE titles must be")
struct SystemAccountRulesTests {
    /// The codes at their fields for a DICOM-only registration with `titles`.
    static func errors(_ titles: [String]) -> [String] {
        SystemAccountRules.errors(application: "", facility: "", aeTitles: titles, sourceAddresses: [])
            .map { "\($0.field) \($0.code)" }
    }

    @Test(
        "each title is checked at its place in the list",
        arguments: [
            (["CT1"], []),
            (["CT1", "MR 2", "US_3-A", "ABCDEFGHIJKLMNOP"], []),
            ([" CT1 "], []),
            (["CT1", "ABCDEFGHIJKLMNOPQ"], ["dicomAETitles/1 invalid-ae-title"]),
            (["   "], ["dicomAETitles/0 invalid-ae-title"]),
            ([""], ["dicomAETitles/0 invalid-ae-title"]),
            (["CT\\1"], ["dicomAETitles/0 invalid-ae-title"]),
            (["CT\t1"], ["dicomAETitles/0 invalid-ae-title"]),
            (["CT\u{7F}"], ["dicomAETitles/0 invalid-ae-title"]),
            (["RÖNTGEN"], ["dicomAETitles/0 invalid-ae-title"]),
            (["CT1", "MR1", "CT1"], ["dicomAETitles/2 duplicate-ae-title"]),
            (["CT1", " CT1"], ["dicomAETitles/1 duplicate-ae-title"]),
            ([], ["hl7SendingApplication no-sender"]),
        ] as [([String], [String])])
    func titles(titles: [String], expected: [String]) {
        #expect(Self.errors(titles) == expected)
    }

    @Test("at most 16 titles; a 17th is one error at the list")
    func tooMany() {
        let sixteen = (1...16).map { "MOD\($0)" }
        #expect(Self.errors(sixteen).isEmpty)
        #expect(Self.errors(sixteen + ["MOD17"]) == ["dicomAETitles too-many-ae-titles"])
    }

    @Test("every error names its rule in Swedish and English")
    func messages() throws {
        let error = try #require(SystemAccountRules.errors(
            application: "", facility: "", aeTitles: ["CT1", "CT1"], sourceAddresses: []).first)
        #expect(error.message.sv.contains("CT1") && error.message.sv.contains("redan i listan"))
        #expect(error.message.en.contains("CT1") && error.message.en.contains("already in the list"))
    }

    @Test("titles are stored without their padding; an HL7 sender needs no title")
    func normalisedAndHL7Only() {
        #expect(SystemAccountRules.normalised(aeTitles: [" CT1 ", "MR 2"]) == ["CT1", "MR 2"])
        #expect(SystemAccountRules.errors(application: "RIS1", facility: "SU", aeTitles: [], sourceAddresses: []).isEmpty)
    }

    @Test("the titles of an active or paused account change; a revoked one's do not")
    func change() {
        #expect(SystemAccountRules.aeTitlesRefusal(status: .active) == nil)
        #expect(SystemAccountRules.aeTitlesRefusal(status: .paused) == nil)
        #expect(SystemAccountRules.aeTitlesRefusal(status: .revoked)?.code == .wrongState)
    }

    @Test("the sender is named by its HL7 names and every title")
    func senderDescription() {
        let account = SystemAccount(
            id: UUID(), caseID: UUID(), environment: .verification, hl7SendingApplication: "RIS1", hl7SendingFacility: "SU",
            sourceAddresses: [], status: .active, version: 1, dicomAETitles: ["CT1", "MR1"])
        #expect(account.senderDescription == "RIS1^SU, AE CT1, AE MR1")
        #expect(account.hl7Sender == "RIS1^SU")
    }
}
