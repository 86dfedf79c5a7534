import Foundation
import Testing
import Domain

@Suite struct CivilDateTests {
    @Test func ordersByDay() {
        #expect(CivilDate(year: 2026, month: 11, day: 22)! < CivilDate(year: 2026, month: 12, day: 1)!)
        #expect(CivilDate(year: 1999, month: 12, day: 31)! < CivilDate(year: 2000, month: 1, day: 1)!)
    }

    @Test func refusesDaysThatDoNotExist() {
        #expect(CivilDate(year: 2026, month: 4, day: 31) == nil)
        #expect(CivilDate(year: 2026, month: 13, day: 1) == nil)
        #expect(CivilDate(year: 2026, month: 1, day: 0) == nil)
        #expect(CivilDate(year: 0, month: 1, day: 1) == nil)
    }

    @Test func todayIsTheSwedishCalendarDay() {
        // 2026-11-22 23:30 UTC is already 2026-11-23 in Stockholm (UTC+1 in winter).
        let lateEvening = Date(timeIntervalSince1970: 1_795_390_200)
        #expect(CivilDate(lateEvening) == CivilDate(year: 2026, month: 11, day: 23))
        #expect(CivilDate(lateEvening, timeZone: TimeZone(identifier: "UTC")!) == CivilDate(year: 2026, month: 11, day: 22))
    }

    @Test func printsISOText() {
        #expect(CivilDate(year: 912, month: 3, day: 4)!.description == "0912-03-04")
    }
}
