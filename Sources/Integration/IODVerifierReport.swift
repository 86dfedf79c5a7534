import Domain

/// What dciodvfy (dicom3tools' IOD verifier) said about an object, as findings beside the platform's own checks: a
/// second opinion on the IOD (every module's required attributes and their values), which Anslut does not check
/// itself. Each of its lines `Error - </PatientSex(0010,0040)> - Missing attribute for Type 2 Required - …` becomes
/// a warning at the tag with the tool's own severity in its rule (`dciodvfy.error`, `dciodvfy.warning`): the
/// object's answer becomes B000 (stored, with findings), while the platform's own rules alone decide the errors
/// that fail a test case. Lines that are neither (the IOD's name) are left out.
public enum IODVerifierReport {
    public static func findings(_ output: String) -> [VerificationFinding] {
        output.split(whereSeparator: \.isNewline).compactMap { line -> VerificationFinding? in
            let kind: String
            if line.hasPrefix("Error - ") { kind = "error" } else if line.hasPrefix("Warning - ") { kind = "warning" } else {
                return nil
            }
            let message = line.drop { $0 != "-" }.dropFirst(2)
            return VerificationFinding(
                .warning, code: message.contains("Missing attribute") ? 101 : 102, rule: "dciodvfy.\(kind)",
                at: tag(in: message).map(VerificationFinding.Location.attribute),
                LocalizedText(sv: "dciodvfy (andra bedömning): \(line)", en: "dciodvfy (second opinion): \(line)"))
        }
    }

    /// The first `(gggg,eeee)` in `text`, upper-case as the other findings write tags.
    static func tag(in text: Substring) -> String? {
        let characters = Array(text.utf8)
        guard characters.count >= 11 else { return nil }
        for start in 0...(characters.count - 11) where characters[start] == UInt8(ascii: "(") && characters[start + 5] == UInt8(ascii: ",")
            && characters[start + 10] == UInt8(ascii: ")")
        {
            let digits = characters[(start + 1)..<(start + 5)] + characters[(start + 6)..<(start + 10)]
            if digits.allSatisfy({ ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 70) || ($0 >= 97 && $0 <= 102) }) {
                return String(decoding: characters[start...(start + 10)], as: UTF8.self).uppercased()
            }
        }
        return nil
    }
}
