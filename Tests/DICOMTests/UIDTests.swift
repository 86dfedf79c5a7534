import DICOM
import Testing

@Suite struct UIDTests {
    @Test(arguments: ["1.2.840.10008.1.2", "0", "0.0", "1.2.752.129.2.1.3.1", String(repeating: "1", count: 64)])
    func acceptsUIDs(uid: String) {
        #expect(UID.isValid(uid))
    }

    @Test(arguments: [
        "", "1.02.3", "1..2", ".1.2", "1.2.", "1.2.a", "1.2 ", "1.2.3\0", String(repeating: "1", count: 65), "01",
    ])
    func refusesNonUIDs(uid: String) {
        #expect(!UID.isValid(uid))
        #expect(UID.problem(in: uid) != nil)
    }

    @Test func saysWhatIsWrong() {
        #expect(UID.problem(in: "1.02") == "has a component with a leading zero at character 3")
        #expect(UID.problem(in: "1..2") == "has an empty component at character 3")
    }
}
