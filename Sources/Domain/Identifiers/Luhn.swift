/// The one Luhn (modulus 10, weights 2-1-2-1…) implementation every Swedish identifier uses.
///
/// Terms are fed from the right, starting with the term just before the check digit, which is
/// doubled; the weight alternates from there. A term is normally a digit 0–9, but the national
/// reservnummer feeds a letter as one term holding its ASCII code (F = 70), so the digit sum of
/// the weighted term is taken in full (140 → 1 + 4 + 0), not by the "subtract 9" shortcut.
struct Luhn {
    private var sum = 0
    private var doubleNext = true

    /// Adds the next term, moving leftwards.
    mutating func prepend(_ term: Int) {
        var weighted = doubleNext ? term &* 2 : term
        doubleNext.toggle()
        if weighted < 19 {
            // A digit's weighted term is at most 18, whose digit sum is the term − 9: the common case.
            sum &+= weighted > 9 ? weighted &- 9 : weighted
            return
        }
        while weighted > 0 {
            sum &+= weighted % 10
            weighted /= 10
        }
    }

    /// The check digit that makes the whole sequence pass: (10 − sum mod 10) mod 10.
    var checkDigit: Int {
        (10 - sum % 10) % 10
    }

    /// The check digit for the `count` rightmost decimal digits of `payload` (the digits before
    /// the check digit, as one number; leading zeros count as terms of value 0).
    static func checkDigit(payload: UInt64, count: Int) -> Int {
        var luhn = Luhn()
        var rest = payload
        for _ in 0..<count {
            luhn.prepend(Int(rest % 10))
            rest /= 10
        }
        return luhn.checkDigit
    }
}
