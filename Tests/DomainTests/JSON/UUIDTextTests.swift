import Foundation
import Domain
import Testing

/// `UUIDText` replaces Foundation's parser and writer on the hot paths; it must accept and refuse what
/// Foundation does, and write what it writes.
@Suite("UUIDs as text")
struct UUIDTextTests {
    @Test("any UUID is written as uuidString writes it")
    func written() {
        let edges = [UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)),
                     UUID(uuid: (255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255))]
        for uuid in edges + (0..<1_000).map({ _ in UUID() }) {
            #expect(UUIDText.string(uuid) == uuid.uuidString)
        }
    }

    @Test("any UUID reads back in either case of letters")
    func roundTrip() {
        for _ in 0..<1_000 {
            let uuid = UUID()
            #expect(UUIDText.parse(uuid.uuidString) == uuid)
            #expect(UUIDText.parse(uuid.uuidString.lowercased()) == uuid)
        }
    }

    @Test("malformed text is no UUID, as for Foundation", arguments: [
        "", "not a uuid", "E621E1F8-C36C-495A-93FC-0C247A3E6E5", "E621E1F8-C36C-495A-93FC-0C247A3E6E5F0",
        "E621E1F8C36C-495A-93FC-0C247A3E6E5F0", "E621E1F8-C36C-495A-93FC_0C247A3E6E5F", "G621E1F8-C36C-495A-93FC-0C247A3E6E5F",
        "E621E1F8-C36C-495A-93FC-0C247A3E6E5Ö",
    ])
    func malformed(text: String) {
        #expect(UUIDText.parse(text) == nil)
        #expect(UUID(uuidString: text) == nil)
    }
}
