import Foundation
import Vapor

extension URI {
    /// The query's parameters by name, percent-decoded, `+` read as a space; the first of a repeated name
    /// counts. The case list reads its four plain parameters here: Vapor's `URLEncodedFormDecoder`, which
    /// also reads nested and array forms, took a twentieth of the list's answer (BENCHMARKS.md, case API).
    var parameters: [String: String] {
        guard let query, !query.isEmpty else { return [:] }
        var parameters: [String: String] = [:]
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decoded(parts[0])
            if parameters[name] == nil { parameters[name] = parts.count > 1 ? Self.decoded(parts[1]) : "" }
        }
        return parameters
    }

    /// `text` with `+` as a space and its escapes decoded; kept as it is if an escape is broken.
    private static func decoded(_ text: Substring) -> String {
        var value = String(text)
        if value.contains("+") { value = value.replacingOccurrences(of: "+", with: " ") }
        if value.contains("%") { value = value.removingPercentEncoding ?? value }
        return value
    }
}
