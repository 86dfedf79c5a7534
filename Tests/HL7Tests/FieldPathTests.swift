import Testing

@testable import HL7

@Suite struct FieldPathTests {
    @Test func parsesAllParts() throws {
        let path = try FieldPath(parsing: "PID-3[2].4.2")

        #expect(path == FieldPath(segmentID: "PID", field: 3, repetition: 2, component: 4, subcomponent: 2))
        #expect(path.description == "PID-3[2].4.2")
    }

    @Test func repetitionAndOccurrenceDefaultToOne() throws {
        #expect(try FieldPath(parsing: "PID-3") == FieldPath(segmentID: "PID", field: 3))
        #expect(try FieldPath(parsing: "MSH-9.1") == FieldPath(segmentID: "MSH", field: 9, component: 1))
        #expect(try FieldPath(parsing: "OBX[2]-5").segmentOccurrence == 2)
        #expect(try FieldPath(parsing: "PID-3[1]").description == "PID-3")
        #expect(try FieldPath(parsing: "ZP1[3]-1[2].1").description == "ZP1[3]-1[2].1")
    }

    @Test(arguments: [
        "", "PID", "PI-3", "pid-3", "PID-", "PID-0", "PID-3[", "PID-3[0]", "PID-3[x]", "PID-3.", "PID-3.1.",
        "PID-3.1.2.3", "PID-3 ", "PID-1234567890", "PID[0]-1", "PID-3]", "PIDX-3", "PID-3[2.1",
    ])
    func rejectsMalformedPaths(text: String) {
        #expect(throws: HL7Error.self) { try FieldPath(parsing: text) }
    }

    @Test func errorNamesThePathAndReason() {
        #expect(throws: HL7Error.invalidFieldPath("PID-x", reason: "expected - and a field number")) {
            try FieldPath(parsing: "PID-x")
        }
    }
}
