@testable import Domain

/// The "today" of reference §12's vectors, fixed so century deduction does not drift.
let referenceToday = CivilDate(year: 2026, month: 11, day: 22)!
