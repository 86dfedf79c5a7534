extension IdentifierReport {
    /// The report as `anslut id` prints it without `--json`: a title line naming the kind, the value
    /// and the verdict, then aligned detail lines, then every error and warning with its code and its
    /// message in Swedish and English. Control characters of the input are shown escaped (`\u{1B}`),
    /// so a hostile value cannot steer the terminal.
    public var text: String {
        var rows: [(label: String, lines: [String])] = []
        if let normalized { rows.append(("Normaliserat / Normalized", [normalized])) }
        if let oid { rows.append(("OID", [oid])) }
        if let birthDate { rows.append(("Födelsedatum / Birth date", [birthDate])) }
        if let sex { rows.append(("Kön / Sex", [sex == .male ? "man / male" : "kvinna / female"])) }
        if kind == .personnummer, valid { rows.append(("Testnummer / Test number", [testNumber ? "ja / yes" : "nej / no"])) }
        for error in errors { rows.append(("Fel / Error", Self.lines(error))) }
        for warning in warnings { rows.append(("Varning / Warning", Self.lines(warning))) }

        let width = rows.map(\.label.count).max() ?? 0
        let indent = String(repeating: " ", count: width + 4)
        var text = "\(Self.bilingual(kind.title)) \(Self.printable(input)): \(valid ? "giltigt / valid" : "ogiltigt / invalid")\n"
        for row in rows {
            text += "  " + row.label + String(repeating: " ", count: width - row.label.count + 2) + row.lines[0] + "\n"
            for line in row.lines.dropFirst() { text += indent + line + "\n" }
        }
        return text
    }

    private static func lines(_ issue: IdentifierIssue) -> [String] {
        [issue.code.rawValue, "sv: \(issue.message.sv)", "en: \(issue.message.en)"]
    }

    private static func bilingual(_ text: LocalizedText) -> String {
        text.sv == text.en ? text.sv : "\(text.sv) / \(text.en)"
    }

    /// The input with control characters escaped, cut to 80 characters.
    private static func printable(_ input: String) -> String {
        var shown = ""
        for scalar in input.unicodeScalars.prefix(80) {
            if scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format {
                shown += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            } else {
                shown.unicodeScalars.append(scalar)
            }
        }
        return input.unicodeScalars.count > 80 ? shown + "…" : shown
    }
}
