import Foundation

/// The API answers with camelCase keys only. Domain values keep snake_case in their `Codable` form (it is
/// their stored form and part of the process definitions' content hash), so the API encodes them with this
/// encoder, which turns each snake_case key into camelCase. Only for values without data-keyed dictionaries
/// (a process definition, a definition reference): a dictionary's keys would be converted as well.
enum APIKeys {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .custom { path in CamelKey(path.last!.stringValue) }
        return encoder
    }()

    /// `decision_role` → `decisionRole`; a key without `_` is left as it is.
    static func camelCase(_ key: String) -> String {
        let parts = key.split(separator: "_", omittingEmptySubsequences: true)
        guard parts.count > 1 else { return key }
        return String(parts[0]) + parts.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    private struct CamelKey: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(_ key: String) { stringValue = APIKeys.camelCase(key) }
        init?(stringValue: String) { self.init(stringValue) }
        init?(intValue: Int) { nil }
    }
}
