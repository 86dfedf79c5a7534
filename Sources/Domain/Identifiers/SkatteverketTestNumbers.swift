import Foundation

/// Skatteverket's published test personnummer (reference §1.4), from the copy bundled as the
/// resource `skatteverket-testpersonnummer.txt` (18 627 twelve-digit numbers, born 1890–2014).
///
/// Whether a number is a test number is a lookup in this list, not a range rule: the published
/// numbers cluster in several birth-number ranges. `19121212-1212` ("Tolvan Tolvansson") is not in
/// it. The list is read once, on first use; refresh the resource from Skatteverket's open data.
public enum SkatteverketTestNumbers {
    /// How many numbers the bundled list holds; 0 means the resource is missing from the build.
    public static var count: Int { numbers.count }

    /// Whether `personnummer` is in the list.
    public static func contains(_ personnummer: Personnummer) -> Bool {
        numbers.contains(personnummer.number.value)
    }

    // A missing resource is a packaging fault, not a reason to stop the server: the lookup then
    // answers "no" and `count` is 0, which the tests check.
    private static let numbers: Set<UInt64> = {
        guard let url = Bundle.module.url(forResource: "skatteverket-testpersonnummer", withExtension: "txt"),
              let data = try? Data(contentsOf: url) else { return [] }
        return parse(data)
    }()

    /// Every run of exactly twelve ASCII digits in `bytes`. Anything else separates numbers, so CR, LF
    /// and CRLF line ends, a missing final newline and a header line all read the same.
    static func parse(_ bytes: some Sequence<UInt8>) -> Set<UInt64> {
        var result = Set<UInt64>()
        var value: UInt64 = 0
        var digits = 0
        for byte in bytes {
            if byte.isASCIIDigit {
                if digits < 12 { value = value * 10 + UInt64(byte - UInt8(ascii: "0")) }
                digits += 1
            } else {
                if digits == 12 { result.insert(value) }
                value = 0
                digits = 0
            }
        }
        if digits == 12 { result.insert(value) }
        return result
    }
}
