@testable import Domain

/// Random valid identifiers of every scheme for the property tests. Built from their parts with the
/// one shared `Luhn`, not with the parsers under test.
enum RandomIdentifiers {
    static let reserveLetters = Array("ABCDEFGHJKLMNPRSTUXYZ")

    /// A real date in `years`, not after `referenceToday`.
    static func date(_ rng: inout SplitMix64, years: ClosedRange<Int>) -> CivilDate {
        while true {
            let year = Int.random(in: years, using: &rng)
            let month = Int.random(in: 1...12, using: &rng)
            let day = Int.random(in: 1...CivilDate.daysIn(month: month, year: year), using: &rng)
            let date = CivilDate(year: year, month: month, day: day)!
            if date <= referenceToday { return date }
        }
    }

    /// Born 1828 or later, so that both written forms can show the number on `referenceToday`.
    static func personnummer(_ rng: inout SplitMix64) -> Personnummer {
        Personnummer(birthDate: date(&rng, years: 1828...2026), birthNumber: Int.random(in: 1...999, using: &rng))!
    }

    /// About one in five with an unknown month, one in five with an unknown day.
    static func samordningsnummer(_ rng: inout SplitMix64) -> Samordningsnummer {
        let known = date(&rng, years: 1828...2025)
        let month = Int.random(in: 0..<5, using: &rng) == 0 ? 0 : known.month
        let day = Int.random(in: 0..<5, using: &rng) == 0 ? 0 : known.day
        let number = PersonIdentityNumber(
            variant: .samordningsnummer, year: known.year, month: month, day: day, birthNumber: Int.random(in: 1...999, using: &rng)
        )!
        return Samordningsnummer(number: number)
    }

    /// Ten digits, third digit 2 or more.
    static func organisationsnummer(_ rng: inout SplitMix64) -> String {
        var payload = UInt64.random(in: 0..<1_000_000_000, using: &rng)
        if payload / 1_000_000 % 10 < 2 { payload += 2_000_000 }
        return digits(payload, 9) + String(Luhn.checkDigit(payload: payload, count: 9))
    }

    static func nationalReservnummer(_ rng: inout SplitMix64) -> String {
        var head: String
        if Int.random(in: 0..<4, using: &rng) == 0 {
            head = "00" + digits(UInt64.random(in: 0...99, using: &rng), 2)
                + digits(UInt64.random(in: 20...99, using: &rng), 2) + digits(UInt64.random(in: 40...59, using: &rng), 2)
        } else {
            let birth = date(&rng, years: 1900...2026)
            let series = birth.year / 100 + 3 * Int.random(in: 1...26, using: &rng)
            head = digits(UInt64(series), 2) + digits(UInt64(birth.year % 100), 2)
                + digits(UInt64(birth.month), 2) + digits(UInt64(birth.day), 2)
        }
        head.append(reserveLetters.randomElement(using: &rng)!)
        head.append(reserveLetters.randomElement(using: &rng)!)
        head.append(Bool.random(using: &rng) ? Character(String(Int.random(in: 0...9, using: &rng))) : reserveLetters.randomElement(using: &rng)!)
        var luhn = Luhn()
        for character in head.reversed() {
            luhn.prepend(("0"..."9").contains(character) ? Int(String(character))! : Int(character.asciiValue!))
        }
        return head + String(luhn.checkDigit)
    }

    static func regionStockholm(_ rng: inout SplitMix64) -> String {
        let year = UInt64.random(in: 1900...2299, using: &rng)
        let serial = UInt64.random(in: 0...99_999, using: &rng)
        let covered = year % 100 * 100_000 + serial
        return "99" + digits(year, 4) + digits(serial, 5) + String(Luhn.checkDigit(payload: covered, count: 7))
    }

    static func vgr(_ rng: inout SplitMix64) -> String {
        let birth = date(&rng, years: 1900...2026)
        let (code, codeDigit, serial): (String, UInt64, UInt64) = switch Int.random(in: 0..<3, using: &rng) {
        case 0: ("K", 5, UInt64.random(in: 3...39, using: &rng) * 2)
        case 1: ("M", 7, UInt64.random(in: 3...39, using: &rng) * 2 + 1)
        default: ("X", 8, UInt64.random(in: 80...89, using: &rng))
        }
        let date = UInt64(birth.year * 10_000 + birth.month * 100 + birth.day)
        let payload = date * 1000 + codeDigit * 100 + serial
        return digits(date, 8) + code + digits(serial, 2) + String(Luhn.checkDigit(payload: payload, count: 9))
    }

    static func carelink(_ rng: inout SplitMix64) -> String {
        let payload = UInt64.random(in: 1900...2026, using: &rng) * 10_000_000 + UInt64.random(in: 1...12, using: &rng) * 100_000
            + UInt64.random(in: 32...59, using: &rng) * 1000 + UInt64.random(in: 0...999, using: &rng)
        return digits(payload, 11) + String(Luhn.checkDigit(payload: payload, count: 9))
    }

    static func digits(_ value: UInt64, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: width - text.count) + text
    }
}
