import Domain
import Foundation
import Testing

@Suite("Audit timestamps")
struct AuditTimestampTests {
    @Test(
        "UTC with milliseconds",
        arguments: [
            (0.0, "1970-01-01T00:00:00.000Z"),
            (951_782_400.5, "2000-02-29T00:00:00.500Z"),
            (1_795_404_340.123, "2026-11-23T03:25:40.123Z"),
            (-1.0, "1969-12-31T23:59:59.000Z"),
            (4_107_542_399.999, "2100-02-28T23:59:59.999Z"),
        ])
    func formats(seconds: Double, expected: String) {
        #expect(AuditTimestamp.format(Date(timeIntervalSince1970: seconds)) == expected)
    }
}
