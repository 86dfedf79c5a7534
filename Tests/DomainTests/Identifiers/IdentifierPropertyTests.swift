import Testing
@testable import Domain

/// Thousands of random valid numbers of every scheme: they survive a round trip through their
/// written forms, and changing any one digit the check digit covers makes them invalid. (No scheme's
/// check digit covers the century: in a twelve-digit personnummer `19`→`18` can give another valid
/// number, so those positions are left out, as the reference defines the Luhn input.)
@Suite struct IdentifierPropertyTests {
    /// Numbers per scheme. Each brings about a hundred mutations, and Swift Testing records a
    /// backtrace for every thrown error, so this is what keeps the suite at a few seconds.
    static let count = 1_000

    @Test func personnummerRoundTrips() throws {
        var rng = SplitMix64(seed: 1)
        for _ in 0..<Self.count {
            let number = RandomIdentifiers.personnummer(&rng)
            let twelve = number.twelveDigitForm
            let ten = number.tenDigitForm(today: referenceToday)
            #expect(try Personnummer.parse(twelve, today: referenceToday) == number)
            #expect(try Personnummer.parse(ten, today: referenceToday) == number, "\(twelve) → \(ten)")
            #expect(try Personnummer.parse(number.description, today: referenceToday) == number)
            #expect(try Personnummer.parse(ten, today: referenceToday).tenDigitForm(today: referenceToday) == ten)
            try expectEverySingleDigitChangeFails(twelve, covered: 2..<12) { text throws(IdentifierError) in
                _ = try Personnummer.parse(text, today: referenceToday)
            }
            try expectEverySingleDigitChangeFails(ten, covered: 0..<11) { text throws(IdentifierError) in
                _ = try Personnummer.parse(text, today: referenceToday)
            }
        }
    }

    @Test func samordningsnummerRoundTrips() throws {
        var rng = SplitMix64(seed: 2)
        for _ in 0..<Self.count {
            let number = RandomIdentifiers.samordningsnummer(&rng)
            let twelve = number.twelveDigitForm
            let ten = number.tenDigitForm(today: referenceToday)
            #expect(try Samordningsnummer.parse(twelve, today: referenceToday) == number)
            #expect(try Samordningsnummer.parse(ten, today: referenceToday) == number, "\(twelve) → \(ten)")
            #expect(IdentifierInspector.inspect(twelve, today: referenceToday).kind == .samordningsnummer)
            try expectEverySingleDigitChangeFails(twelve, covered: 2..<12) { text throws(IdentifierError) in
                _ = try Samordningsnummer.parse(text, today: referenceToday)
            }
        }
    }

    @Test func organisationsnummerRoundTrips() throws {
        var rng = SplitMix64(seed: 3)
        for _ in 0..<Self.count {
            let digits = RandomIdentifiers.organisationsnummer(&rng)
            let number = try Organisationsnummer.parse(digits)
            #expect(number.digits == digits)
            #expect(try Organisationsnummer.parse(number.description) == number)
            #expect(try Organisationsnummer.parse("16" + digits) == number)
            #expect(try HSAId.parse("SE\(digits)-A1").organisationsnummer == number)
            #expect(IdentifierInspector.inspect(number.description, today: referenceToday).kind == .organisationsnummer)
            try expectEverySingleDigitChangeFails(digits, covered: 0..<10) { text throws(IdentifierError) in
                _ = try Organisationsnummer.parse(text)
            }
        }
    }

    @Test func nationalReservnummerRoundTrips() throws {
        var rng = SplitMix64(seed: 4)
        for _ in 0..<Self.count {
            let value = RandomIdentifiers.nationalReservnummer(&rng)
            let parsed = try NationalReservnummer.parse(value)
            #expect(parsed.normalized == value)
            #expect(try NationalReservnummer.parse(parsed.description) == parsed)
            #expect(IdentifierInspector.inspect(value, today: referenceToday).valid)
            try expectEverySingleDigitChangeFails(value, covered: 0..<12) { text throws(IdentifierError) in
                _ = try NationalReservnummer.parse(text)
            }
        }
    }

    @Test(arguments: [
        (LocalReservnummer.Scheme.regionStockholm, 4..<12),
        (.vgr, 2..<12),
        (.carelink, 2..<12),
    ])
    func localReservnummerRoundTrips(scheme: LocalReservnummer.Scheme, covered: Range<Int>) throws {
        var rng = SplitMix64(seed: 5)
        for _ in 0..<Self.count {
            let value = switch scheme {
            case .regionStockholm: RandomIdentifiers.regionStockholm(&rng)
            case .vgr: RandomIdentifiers.vgr(&rng)
            case .carelink: RandomIdentifiers.carelink(&rng)
            }
            #expect(try LocalReservnummer.parse(value, scheme: scheme).normalized == value)
            #expect(IdentifierInspector.inspect(value, oid: scheme.oid, today: referenceToday).valid)
            try expectEverySingleDigitChangeFails(value, covered: covered) { text throws(IdentifierError) in
                _ = try LocalReservnummer.parse(text, scheme: scheme)
            }
        }
    }

    /// Replaces each ASCII digit at a position in `covered` by each other digit; each result must fail.
    /// (One expectation per number: an `#expect` per mutation would make the suite a hundred times slower.)
    private func expectEverySingleDigitChangeFails(
        _ text: String, covered: Range<Int>, parse: (String) throws(IdentifierError) -> Void
    ) throws {
        let bytes = Array(text.utf8)
        var accepted: [String] = []
        for position in covered where bytes[position].isASCIIDigit {
            for digit in UInt8(ascii: "0")...UInt8(ascii: "9") where digit != bytes[position] {
                var changed = bytes
                changed[position] = digit
                let mutated = String(decoding: changed, as: UTF8.self)
                do {
                    try parse(mutated)
                    accepted.append(mutated)
                } catch {}
            }
        }
        #expect(accepted.isEmpty, "\(text) still valid after one digit changed: \(accepted)")
    }
}
