import Domain
import Foundation
import HL7
import Integration
import Testing

@Suite struct HL7AcknowledgementTemplateTests {
    /// The template with its control id is the ACK built with it, byte for byte: with findings, in the sender's
    /// own encoding characters, in Latin-1 and UTF-8, for an event named in MSH-9 or not.
    @Test(arguments: [
        HL7MessageCheckTests.adt(),
        HL7MessageCheckTests.adt(pid3: "191212121212^^^&1.2.752.129.2.1.3.1&ISO", charset: "8859/1"),
        HL7MessageCheckTests.adt("A40", mrg: "190001019876^^^&1.2.752.129.2.1.3.1&ISO"),
        try! Message("MSH#*~\\&#RIS#SU#BFR#VGR#20261206101500##ORU*R01#X1#T#2.5\rPID#1##x\r"),
        try! Message("MSH|^~\\&|RIS|SU|BFR|VGR|20261206101500||ACK|X2|T|2.3\r"),
    ])
    func filledIsBuilt(_ message: Message) throws {
        let findings = HL7MessageCheckTests.check(message)
        let code = AcknowledgementCode.for(findings)
        let time = Date(timeIntervalSince1970: 1_796_000_000)
        let template = HL7AcknowledgementTemplate(for: message, code: code, findings: findings, at: time)
        for id in ["ANSLUT1-0a1b2c3d", "ANSLUT123456-ffffffff", ""] {
            let built = HL7Acknowledgement.build(for: message, code: code, findings: findings, controlID: id, at: time)
            #expect(template.filled(controlID: id) == built)
            #expect(try Message(bytes: template.filled(controlID: id)).controlID == (id.isEmpty ? nil : id))
        }
    }
}
