import Domain
import Foundation
import HL7
import Integration
import ProcessFiles
import Testing

/// The verification checks of one HL7 message against the repository's BFR profile, and the ACK they give.
@Suite struct HL7MessageCheckTests {
    static let profile: HL7Profile = {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Processes/profiles")
        return try! HL7ProfileLoader.loadFolder(folder).first { $0.id == "bfr-hl7" }!
    }()
    static let today = CivilDate(year: 2026, month: 12, day: 6)!
    static let testPersonnummer = "189001019802"

    /// An ADT message to BFR; `pid3` is the whole PID-3 field, `extra` segments follow PV1.
    static func adt(
        _ event: String = "A01", pid3: String = "\(testPersonnummer)^^^&1.2.752.129.2.1.3.1&ISO^PI",
        version: String = "2.5", processing: String = "T", type: String = "ADT", mrg: String? = nil,
        evn: Bool = true, charset: String = "UNICODE UTF-8"
    ) -> Message {
        var segments = ["MSH|^~\\&|DEMORIS|DEMOHOSP|BFR|VGR|20261206101500||\(type)^\(event)|MSG0001|\(processing)|\(version)|||||SE|\(charset)"]
        if evn { segments.append("EVN|\(event)|20261206101500") }
        segments.append("PID|1||\(pid3)||Åberg^Märta||18900101|F")
        if let mrg { segments.append("MRG|\(mrg)") }
        segments.append("PV1|1|O")
        return try! Message(segments.joined(separator: "\r") + "\r")
    }

    static func check(_ message: Message) -> [VerificationFinding] {
        HL7MessageCheck(profile).check(message, verification: true, today: today).findings
    }

    @Test func aSoundMessageWithATestPersonnummerIsAccepted() throws {
        let message = Self.adt()
        let (findings, summary) = HL7MessageCheck(Self.profile).check(message, verification: true, today: Self.today)
        #expect(findings.isEmpty, "\(findings.map(\.rule))")
        #expect(AcknowledgementCode.for(findings) == .accepted)
        #expect(summary.messageName == "ADT^A01" && summary.controlID == "MSG0001")
        #expect(summary.patientIdentifiers == [.init(value: Self.testPersonnummer, kind: .personnummer)])

        let ack = try Message(bytes: HL7Acknowledgement.build(
            for: message, code: .accepted, findings: findings, controlID: "ANS1", at: Date(timeIntervalSince1970: 1_796_000_000)))
        #expect(ack.value(at: "MSA-1") == "AA" && ack.value(at: "MSA-2") == "MSG0001")
        #expect(ack.value(at: "MSH-9") == "ACK^A01^ACK")
        #expect(ack.sendingApplication?.namespaceID == "BFR" && ack.receivingApplication?.namespaceID == "DEMORIS")
        #expect(ack.versionID == "2.5" && ack.controlID == "ANS1" && ack.processingID == "T")
        #expect(ack.segments("ERR").isEmpty)
    }

    /// MSH-7 is kept from one ACK to the next of the same second; each second, and the summer's offset, is its own.
    @Test func theACKsTimestampIsSwedishTimeToTheSecond() throws {
        let message = Self.adt(pid3: "\(Self.testPersonnummer)^^^&1.2.752.129.2.1.3.1&ISO^PI")
        func msh7(_ seconds: Double) throws -> String? {
            try Message(bytes: HL7Acknowledgement.build(
                for: message, code: .accepted, findings: [], controlID: "T", at: Date(timeIntervalSince1970: seconds)))
                .value(at: "MSH-7")
        }
        #expect(try msh7(1_796_000_000) == "20261130015320+0100")
        #expect(try msh7(1_796_000_000.9) == "20261130015320+0100")
        #expect(try msh7(1_796_000_001) == "20261130015321+0100")
        #expect(try msh7(1_783_000_000) == "20260702154640+0200")
        #expect(try msh7(1_796_000_000.5) == "20261130015320+0100")
    }

    @Test func aRealPersonnummerIsAnErrorOfItsOwnKindWithAnERRSegment() throws {
        let message = Self.adt(pid3: "191212121212^^^&1.2.752.129.2.1.3.1&ISO^PI")
        let findings = Self.check(message)
        #expect(findings.map(\.rule) == ["identity.real-personnummer"])
        #expect(findings.first?.location?.description == "PID-3.1")
        #expect(AcknowledgementCode.for(findings) == .error)
        let ack = try Message(bytes: HL7Acknowledgement.build(for: message, code: .error, findings: findings, controlID: "A2", at: Date()))
        #expect(ack.value(at: "MSA-1") == "AE")
        #expect(ack.value(at: "ERR-2") == "PID^1^3^1^1")
        #expect(ack.value(at: "ERR-3.1") == "102" && ack.value(at: "ERR-3.3") == "HL70357")
        #expect(ack.value(at: "ERR-4") == "E")
        #expect(ack.value(at: "ERR-8")?.contains("riktiga personuppgifter") == true)
        #expect(ack.value(at: "ERR-7")?.contains("real personal data") == true)
    }

    @Test func identityRulesOnPID3() {
        // A plain OID in CX.4 passes with a warning.
        let plain = Self.check(Self.adt(pid3: "\(Self.testPersonnummer)^^^1.2.752.129.2.1.3.1^PI"))
        #expect(plain.map(\.rule) == ["identity.oid-in-namespace"] && plain.first?.severity == .warning)
        #expect(AcknowledgementCode.for(plain) == .accepted)
        // Two values under one OID.
        let twice = Self.check(Self.adt(pid3: "\(Self.testPersonnummer)^^^&1.2.752.129.2.1.3.1&ISO~196408233234^^^&1.2.752.129.2.1.3.1&ISO"))
        #expect(twice.map(\.rule) == ["identity.conflicting-values"] && twice.first?.code == 205)
        // No Swedish identifier at all: only a local RIS number.
        let local = Self.check(Self.adt(pid3: "RIS123^^^RIS"))
        #expect(local.map(\.rule) == ["identity.no-swedish-identifier"])
        // A wrong check digit names the identifier rule.
        let wrong = Self.check(Self.adt(pid3: "189001019803^^^&1.2.752.129.2.1.3.1&ISO"))
        #expect(wrong.map(\.rule) == ["identity.invalid-wrong-check-digit"])
        // A samordningsnummer is not a personnummer and so never "real personal data".
        #expect(Self.check(Self.adt(pid3: "197010632391^^^&1.2.752.129.2.1.3.3&ISO")).isEmpty)
    }

    @Test func mergesNeedAnotherPriorIdentifier() {
        let missing = Self.check(Self.adt("A40"))
        #expect(missing.map(\.rule).contains("identity.mrg-missing"))
        let same = Self.check(Self.adt("A40", mrg: "\(Self.testPersonnummer)^^^&1.2.752.129.2.1.3.1&ISO"))
        #expect(same.map(\.rule) == ["identity.mrg-equals-pid"])
        let merge = Self.adt("A40", mrg: "22950606FH20^^^&1.2.752.74.9.1&ISO")
        let (findings, summary) = HL7MessageCheck(Self.profile).check(merge, verification: true, today: Self.today)
        #expect(findings.isEmpty, "\(findings.map(\.rule))")
        let testCase = Self.profile.testCases.first { $0.id == "adt-a40-reservnummer-merge" }!
        #expect(testCase.isMet(by: summary, acknowledgement: .accepted))
        #expect(!testCase.isMet(by: summary, acknowledgement: .error))
    }

    @Test func headerProblemsAreRejectedUnprocessed() {
        #expect(Self.check(Self.adt("S12", type: "SIU")).first?.code == 200)
        #expect(Self.check(Self.adt("A02")).first?.code == 201)
        #expect(Self.check(Self.adt(processing: "P")).map(\.code) == [202])
        #expect(Self.check(Self.adt(version: "2.2")).map(\.code) == [203])
        #expect(AcknowledgementCode.for(Self.check(Self.adt(processing: "P"))) == .rejected)
        let wrongCharset = Self.check(Self.adt(charset: "8859/15"))
        #expect(wrongCharset.map(\.rule) == ["header.character-set"])
    }

    @Test func structureAndRequiredFields() throws {
        let noEVN = Self.check(Self.adt(evn: false))
        #expect(noEVN.map(\.rule) == ["structure.missing-segment"] && noEVN.first?.location?.segment == "EVN")
        let zSegment = try Message(String(decoding: Self.adt().bytes, as: UTF8.self) + "ZBF|1\r")
        let unexpected = Self.check(zSegment)
        #expect(unexpected.map(\.rule) == ["structure.unexpected-segment"] && unexpected.first?.severity == .warning)
        // ORU with two OBR groups, each with its OBX: the groups repeat.
        let oru = try Message([
            "MSH|^~\\&|DEMORIS|DEMOHOSP|BFR|VGR|20261206||ORU^R01|M2|T|2.5|||||SE|UNICODE UTF-8",
            "PID|1||\(Self.testPersonnummer)^^^&1.2.752.129.2.1.3.1&ISO||Åberg^Märta",
            "OBR|1||A1|CT^CT thorax", "OBX|1|TX|RES^Svar||Inga fynd", "OBR|2||A2|MR^MR hjärna", "OBX|1|TX|RES^Svar||Normalt",
        ].joined(separator: "\r"))
        #expect(Self.check(oru).isEmpty, "\(Self.check(oru).map(\.rule))")
        // An empty required field.
        let noName = try Message(String(decoding: Self.adt().bytes, as: UTF8.self).replacingOccurrences(of: "Åberg^Märta", with: ""))
        #expect(Self.check(noName).map(\.rule) == ["structure.required-field"])
    }

    @Test func anUnreadableFrameGetsAnARThatParses() throws {
        let finding = VerificationFinding(
            .error, code: 207, rule: "frame.no-header", at: nil,
            LocalizedText(sv: "Meddelandet börjar inte med MSH.", en: "The message does not start with MSH."))
        let ack = try Message(bytes: HL7Acknowledgement.rejection(of: Array("garbage".utf8), finding: finding, controlID: "R1", at: Date()))
        #expect(ack.value(at: "MSA-1") == "AR" && ack.value(at: "ERR-3.1") == "207")
        // A message in Latin-1 is answered in Latin-1, Swedish texts intact.
        let latin1 = Self.adt(pid3: "191212121212^^^&1.2.752.129.2.1.3.1&ISO", charset: "8859/1")
        let findings = Self.check(latin1)
        let answer = try Message(bytes: HL7Acknowledgement.build(for: latin1, code: .error, findings: findings, controlID: "L1", at: Date()))
        #expect(answer.characterSet == .latin1 && answer.value(at: "ERR-8")?.contains("Skatteverkets") == true)
    }
}
