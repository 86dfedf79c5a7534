import Domain
import Foundation
import Testing

@Suite("Time-ordered UUIDs")
struct TimeOrderedUUIDTests {
    @Test("version 7 and variant 10, the time in the first 48 bits, ordered by time as text")
    func layout() {
        let time = Date(timeIntervalSince1970: 1_796_000_000.123)
        let uuid = TimeOrderedUUID.make(at: time)
        let text = uuid.uuidString
        #expect(text.count == 36 && text[text.index(text.startIndex, offsetBy: 14)] == "7")
        #expect("89AB".contains(text[text.index(text.startIndex, offsetBy: 19)]))
        let milliseconds = withUnsafeBytes(of: uuid.uuid) { bytes in bytes.prefix(6).reduce(UInt64(0)) { $0 << 8 | UInt64($1) } }
        #expect(milliseconds == 1_796_000_000_123)
        // Made a few milliseconds apart, in order, whatever their random bits.
        let ids = (0..<200).map { TimeOrderedUUID.make(at: time.addingTimeInterval(Double($0) * 0.005)) }
        #expect(ids.map(\.uuidString) == ids.map(\.uuidString).sorted())
        #expect(Set(ids).count == ids.count)
    }
}
