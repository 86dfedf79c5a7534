// Times the HL7 module on a file of concatenated messages (see ../README.md).
//
// Usage: hl7-bench FILE [ROUNDS] [PROFILE.yaml [--digest]]
// Each round splits the file, parses every message and reads PID-3: CX.1 and CX.4 of every repetition; with a
// profile, every message is also checked against it as the verification environment does (HL7MessageCheck:
// header, structure, required fields and the identity rules, which validate each CX.1 through Domain).
// Prints one line per round and a final `RESULT` line with the best round, which run.sh reads.
import Domain
import Foundation
import HL7
import Integration
import ProcessFiles

let arguments = CommandLine.arguments
guard arguments.count >= 2, let data = FileManager.default.contents(atPath: arguments[1]) else {
    FileHandle.standardError.write(Data("usage: hl7-bench FILE [ROUNDS]\n".utf8))
    exit(2)
}
let rounds = arguments.count >= 3 ? Int(arguments[2]) ?? 5 : 5
let bytes = [UInt8](data)
let check: HL7MessageCheck? = arguments.count >= 4
    ? HL7MessageCheck(try HL7ProfileLoader.load(yaml: String(contentsOfFile: arguments[3], encoding: .utf8), file: arguments[3]))
    : nil
let today = CivilDate(year: 2026, month: 12, day: 6)!

// `--digest` (after the profile): instead of timing, prints one FNV-1a hash over the JSON of every message's
// findings and summary, so a change to the checks can be shown to leave the whole file's output unchanged.
if arguments.count >= 5, arguments[4] == "--digest", let check {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    var messages = 0
    var findings = 0
    var rules: [String: Int] = [:]
    for range in MessageSplitter.split(bytes).messageRanges {
        guard let message = try? Message(bytes: Array(bytes[range])) else { continue }
        let result = check.check(message, verification: true, today: today)
        messages += 1
        findings += result.findings.count
        for finding in result.findings { rules[finding.rule, default: 0] += 1 }
        for byte in try encoder.encode(result.findings) + encoder.encode(result.summary) {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
    }
    for (rule, count) in rules.sorted(by: { $0.key < $1.key }) { print("  \(rule): \(count)") }
    print("DIGEST messages=\(messages) findings=\(findings) fnv1a=\(String(hash, radix: 16))")
    exit(0)
}

/// `HL7_BENCH_TEXTS=1`: every finding's two sentences are read too, as an acknowledgement's ERR segments or a stored
/// protocol read them; the checks word the frequent ones only when read (`LocalizedText(deferred:)`), so this is
/// the figure with that work included.
let readsTexts = ProcessInfo.processInfo.environment["HL7_BENCH_TEXTS"] == "1"

/// What one round produced; the checksum keeps the optimiser from dropping the work.
struct RoundResult {
    var messages = 0
    var failures = 0
    var identifiers = 0
    var findings = 0
    var checksum = 0
}

func runRound() -> RoundResult {
    var result = RoundResult()
    for range in MessageSplitter.split(bytes).messageRanges {
        guard let message = try? Message(bytes: Array(bytes[range])) else {
            result.failures += 1
            continue
        }
        result.messages += 1
        if let check {
            let findings = check.check(message, verification: true, today: today).findings
            result.findings += findings.count
            if readsTexts {
                for finding in findings { result.checksum &+= finding.text.sv.utf8.count &+ finding.text.en.utf8.count }
            }
        }
        for identifier in message.patientIdentifiers {
            result.identifiers += 1
            result.checksum &+= identifier.id.utf8.count
            if let authority = identifier.assigningAuthority {
                result.checksum &+=
                    (authority.namespaceID?.utf8.count ?? 0) + (authority.universalID?.utf8.count ?? 0)
                    + (authority.universalIDType?.utf8.count ?? 0)
            }
        }
    }
    return result
}

/// Seconds of CPU time this thread has used: on a busy machine wall time also counts time spent waiting
/// for a core, so both are reported.
func threadCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
}

func wallSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
}

var bestWall = Double.infinity
var bestCPU = Double.infinity
var last = RoundResult()
for round in 1...rounds {
    let wallStart = wallSeconds()
    let cpuStart = threadCPUSeconds()
    last = runRound()
    let cpu = threadCPUSeconds() - cpuStart
    let wall = wallSeconds() - wallStart
    bestWall = min(bestWall, wall)
    bestCPU = min(bestCPU, cpu)
    print(
        String(
            format: "round %d: wall %.3f s (%.0f MB/s), cpu %.3f s (%.0f MB/s, %.0f messages/s)", round, wall,
            Double(bytes.count) / wall / 1e6, cpu, Double(bytes.count) / cpu / 1e6, Double(last.messages) / cpu))
}
print(
    String(
        format: "RESULT bytes=%d messages=%d failures=%d identifiers=%d findings=%d checksum=%d best_wall_s=%.6f "
            + "best_cpu_s=%.6f mb_per_s=%.1f msg_per_s=%.0f wall_mb_per_s=%.1f",
        bytes.count, last.messages, last.failures, last.identifiers, last.findings, last.checksum, bestWall, bestCPU,
        Double(bytes.count) / bestCPU / 1e6, Double(last.messages) / bestCPU, Double(bytes.count) / bestWall / 1e6))
