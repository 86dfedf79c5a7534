import Domain
import Foundation
import ProcessFiles
import Testing

@Suite("also: in a process file")
struct AlsoRolesTests {
    static func bfr(insertingAfter owner: String, _ line: String) throws -> String {
        let text = try String(contentsOf: RepositoryFiles.process("bfr.yaml"), encoding: .utf8)
        let marker = "            owner: \(owner)\n"
        let range = try #require(text.range(of: marker))
        return text.replacingCharacters(in: range, with: marker + "            \(line)\n")
    }

    @Test("an applicant's item may name further roles; the engine lets them work it")
    func allowed() throws {
        let definition = try ProcessDefinitionLoader.load(yaml: try Self.bfr(insertingAfter: "applicant", "also: [technician]"), file: "bfr.yaml")
        let item = try #require(definition.phases.flatMap(\.items).first { $0.also == [.technician] })
        #expect(SeparationOfDuties.mayWork(item, holding: [.technician]))
        #expect(!SeparationOfDuties.mayWork(item, holding: [.securityReviewer]))
    }

    @Test("the technician's items are theirs alone: an also on one is refused with its line")
    func refused() throws {
        do {
            _ = try ProcessDefinitionLoader.load(yaml: try Self.bfr(insertingAfter: "technician", "also: [coordinator]"), file: "bfr.yaml")
            Issue.record("an also on a technician's item was accepted")
        } catch let error as ProcessLoadError {
            #expect(error.problems.contains { $0.code == "also-not-allowed" }, "\(error)")
        }
    }
}
