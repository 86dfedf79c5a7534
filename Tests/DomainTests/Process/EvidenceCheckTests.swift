import Domain
import Foundation
import Testing

@Suite("Evidence names the case's own documents")
struct EvidenceCheckTests {
    static let sad = UUID()
    static let protocolID = UUID()
    static let documents: [UUID: DocumentKind] = [sad: .sad, protocolID: .testProtocol]

    @Test("a comment, an attachment of the case and a test protocol of the case pass")
    func valid() {
        let evidence = [
            Evidence(.comment, "Genomgånget"), Evidence(.attachment, Self.sad.uuidString),
            Evidence(.testProtocol, " \(Self.protocolID.uuidString.lowercased()) "),
        ]
        #expect(EvidenceCheck.errors(in: evidence, documents: Self.documents).isEmpty)
    }

    @Test("a free text, a foreign id or a document of the wrong kind is refused at its reference")
    func refused() {
        let foreign = UUID()
        let cases: [(Evidence, String)] = [
            (Evidence(.attachment, "demo"), "unknown-document"),
            (Evidence(.attachment, foreign.uuidString), "unknown-document"),
            (Evidence(.testProtocol, "del4.test.anslutningstester"), "unknown-document"),
            (Evidence(.testProtocol, Self.sad.uuidString), "wrong-document-kind"),
            (Evidence(.attachment, Self.protocolID.uuidString), "wrong-document-kind"),
        ]
        for (piece, code) in cases {
            let errors = EvidenceCheck.errors(in: [Evidence(.comment, "ok"), piece], documents: Self.documents)
            #expect(errors.map(\.code) == [code], "\(piece)")
            #expect(errors.first?.field == "evidence/1/reference")
            #expect(errors.first?.message.sv.isEmpty == false)
        }
    }
}
