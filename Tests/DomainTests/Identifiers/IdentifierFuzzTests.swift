import Testing
@testable import Domain

/// Arbitrary text never crashes a parser: every call ends in a value or in an error that names at
/// least one rule, and text of any length is refused quickly.
@Suite struct IdentifierFuzzTests {
    @Test func randomBytes() {
        var rng = SplitMix64(seed: 10)
        for round in 0..<2_000 {
            let length = round < 1_000 ? Int.random(in: 0...40, using: &rng) : Int.random(in: 0...10_000, using: &rng)
            var bytes: [UInt8] = []
            bytes.reserveCapacity(length + 8)
            while bytes.count < length {
                withUnsafeBytes(of: rng.next()) { bytes.append(contentsOf: $0) }
            }
            checkEverywhere(String(decoding: bytes.prefix(length), as: UTF8.self))
        }
    }

    @Test func randomUnicode() {
        var rng = SplitMix64(seed: 11)
        for round in 0..<2_000 {
            let length = round < 1_000 ? Int.random(in: 0...20, using: &rng) : Int.random(in: 0...10_000, using: &rng)
            var text = ""
            for _ in 0..<length {
                text.unicodeScalars.append(Unicode.Scalar(UInt32.random(in: 0...0x2FFFF, using: &rng)) ?? "\u{FFFD}")
            }
            checkEverywhere(text)
        }
    }

    /// Valid numbers with one character replaced, inserted or removed: the interesting near misses.
    @Test func nearMisses() {
        var rng = SplitMix64(seed: 12)
        let alphabet: [Character] = Array("0123456789-+^&.ASEIOQVWKMX ") + ["–", "１", "٣", "é", "\u{0}", "\u{301}", "😀"]
        let seeds = [
            "19121212-1212", "121212+1212", "197010632391", "22950606-FH20", "991981000010", "19810829M071",
            "2321000131", "SE2321000131-E000000000001", "TSTNMT2321000156-1079", "191212121212^^^&1.2.752.129.2.1.3.1&ISO",
        ]
        for _ in 0..<5_000 {
            var characters = Array(seeds.randomElement(using: &rng)!)
            let position = Int.random(in: 0...characters.count, using: &rng)
            switch Int.random(in: 0..<3, using: &rng) {
            case 0 where position < characters.count: characters[position] = alphabet.randomElement(using: &rng)!
            case 1: characters.insert(alphabet.randomElement(using: &rng)!, at: position)
            default: if position < characters.count { characters.remove(at: position) }
            }
            checkEverywhere(String(characters))
        }
    }

    @Test func veryLongInputIsRefusedQuickly() {
        let huge = String(repeating: "1", count: 10_000_000)
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            let report = IdentifierInspector.inspect(huge, today: referenceToday)
            #expect(report.errors.map(\.code) == [.tooLong])
            #expect(throws: IdentifierError([.inputTooLong(limit: 64)])) { try Personnummer.parse(huge, today: referenceToday) }
            for scheme in Self.schemes {
                #expect(throws: IdentifierError([.inputTooLong(limit: 64)])) { try scheme.parse(huge, today: referenceToday) }
            }
        }
        #expect(elapsed < .milliseconds(50))
    }

    private static let schemes = [IdentifierScheme.personnummer, .samordningsnummer, .nationalReservnummer, .organisationsnummer, .hsaID]
        + LocalReservnummer.Scheme.allCases.map(IdentifierScheme.localReservnummer)

    /// One expectation per text, naming every scheme that broke the contract. Each parser refuses a
    /// text over 64 bytes before reading it (`veryLongInputIsRefusedQuickly`), so only shorter texts
    /// go through all of them; Swift Testing's backtrace for each thrown error makes that worth saving.
    private func checkEverywhere(_ text: String) {
        let report = IdentifierInspector.inspect(text, today: referenceToday)
        var broken: [String] = []
        if report.valid != report.errors.isEmpty || (report.kind == .unknown && report.valid) { broken.append("inspector") }
        _ = report.text
        for scheme in Self.schemes where text.utf8.count <= 64 {
            do {
                _ = try scheme.parse(text, today: referenceToday)
            } catch {
                if error.errors.isEmpty { broken.append("\(scheme)") }
            }
        }
        #expect(broken.isEmpty, "\(text.unicodeScalars.prefix(40).map { String($0.value, radix: 16) })")
    }
}
