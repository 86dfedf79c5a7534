/// A message in the two languages the product speaks: Swedish (the default) and English.
///
/// Every refusal, validation error and warning that reaches a person carries one, so the
/// pages, the API and the command line can show the same rule in either language.
public struct LocalizedText: Sendable, Hashable, Codable {
    public let sv: String
    public let en: String

    public init(sv: String, en: String) {
        self.sv = sv
        self.en = en
    }

    /// The text in the requested language; anything but English gets Swedish.
    public func text(in language: Language) -> String {
        language == .en ? en : sv
    }
}

/// The languages of the user interface.
public enum Language: String, Sendable, Hashable, Codable, CaseIterable {
    case sv
    case en
}
