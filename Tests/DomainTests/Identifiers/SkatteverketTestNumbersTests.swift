import Testing
@testable import Domain

@Suite struct SkatteverketTestNumbersTests {
    @Test func bundledListIsLoaded() {
        #expect(SkatteverketTestNumbers.count == 18_627)
    }

    @Test func lookup() throws {
        #expect(SkatteverketTestNumbers.contains(try Personnummer.parse("196408233234", today: referenceToday)))
        #expect(SkatteverketTestNumbers.contains(try Personnummer.parse("189001019802", today: referenceToday)))
        #expect(!SkatteverketTestNumbers.contains(try Personnummer.parse("191212121212", today: referenceToday)))
    }

    @Test(arguments: ["196408233234\n189001019802", "196408233234\r189001019802\r", "196408233234\r\n189001019802\r\n", "pnr\n196408233234\n189001019802\n"])
    func readsAnyLineEnd(file: String) {
        #expect(SkatteverketTestNumbers.parse(Array(file.utf8)) == [196_408_233_234, 189_001_019_802])
    }
}
