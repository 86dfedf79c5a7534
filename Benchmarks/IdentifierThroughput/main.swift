// Identifier parsing throughput, for BENCHMARKS.md. Build in release and pin to one core
// (Benchmarks/identifiers.sh does both). Prints one line per identifier kind:
// `<kind> <validations per second> validations/s`.
// `--write-inputs PATH` also writes the personnummer inputs, one per line, for a peer tool.
import Domain
import Foundation

let today = CivilDate(year: 2026, month: 11, day: 22)!
let secondsPerKind = 2.5

/// 1,000 valid personnummer spread over 1927–2026 in the three written forms: `YYYYMMDDNNNC`,
/// `YYYYMMDD-NNNC` and `YYMMDD-NNNC`/`YYMMDD+NNNC` (13, 12 and 11 characters).
let personnummerInputs: [String] = (0..<1_000).map { index in
    let birthDate = CivilDate(year: 1927 + index * 7 % 100, month: 1 + index % 12, day: 1 + index * 13 % 28)!
    let number = Personnummer(birthDate: birthDate, birthNumber: 1 + index * 389 % 999)!
    switch index % 3 {
    case 0: return number.twelveDigitForm
    case 1: return number.description
    default: return number.tenDigitForm(today: today)
    }
}

/// 1,000 valid organisationsnummer, `NNNNNN-NNNN`, found by trying check digits.
let organisationsnummerInputs: [String] = (0..<1_000).map { index in
    let payload = 232_100_000 + index * 7_919 % 100_000
    return (0...9).lazy.map { digit in
        let digits = "\(payload)\(digit)"
        return "\(digits.prefix(6))-\(digits.suffix(4))"
    }.first { (try? Organisationsnummer.parse($0)) != nil }!
}

/// 1,000 valid HSA-ids on the organisationsnummer above.
let hsaIDInputs = organisationsnummerInputs.enumerated().map { index, number in
    "SE\(number.replacingOccurrences(of: "-", with: ""))-E\(index)"
}

/// Parses `inputs` over and over for about `secondsPerKind`; returns parses per second.
func throughput(_ inputs: [String], _ parse: (String) throws -> Int) rethrows -> Int {
    let clock = ContinuousClock()
    let start = clock.now
    var parsed = 0
    var checksum = 0
    while clock.now - start < .seconds(secondsPerKind) {
        for input in inputs {
            checksum &+= try parse(input)
        }
        parsed += inputs.count
    }
    let elapsed = clock.now - start
    // The checksum keeps the optimiser from dropping the parses.
    if checksum == 42 { print("") }
    return Int(Double(parsed) / (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18))
}

if let flag = CommandLine.arguments.firstIndex(of: "--write-inputs"), flag + 1 < CommandLine.arguments.count {
    try personnummerInputs.joined(separator: "\n").write(toFile: CommandLine.arguments[flag + 1], atomically: true, encoding: .utf8)
}
print("personnummer", try throughput(personnummerInputs) { try Personnummer.parse($0, today: today).birthNumber }, "validations/s")
print("organisationsnummer", try throughput(organisationsnummerInputs) { try Organisationsnummer.parse($0).groupNumber }, "validations/s")
print("hsa-id", try throughput(hsaIDInputs) { try HSAId.parse($0).text.utf8.count }, "validations/s")
