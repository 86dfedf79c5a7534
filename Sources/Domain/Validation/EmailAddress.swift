/// An e-mail address as people type it, checked only as far as is useful: one `@`, something on each side, a
/// dot in the domain, no spaces, at most 254 characters. Stored in lower case so sign-in ignores case.
public struct EmailAddress: Sendable, Hashable, CustomStringConvertible {
    public let value: String

    public init?(_ text: String) {
        let trimmed = text.trimmingWhitespace.lowercased()
        let parts = trimmed.split(separator: "@", omittingEmptySubsequences: false)
        guard trimmed.utf8.count <= 254, parts.count == 2, !parts[0].isEmpty,
              parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
              !trimmed.contains(where: { $0.isWhitespace })
        else { return nil }
        value = trimmed
    }

    public var description: String { value }

    /// The error for `field` when `text` is not an address.
    public static func invalid(_ field: String) -> FieldError {
        FieldError(
            field: field, code: "invalid-email",
            message: LocalizedText(
                sv: "E-postadressen är inte giltig (exempel: namn@region.se).",
                en: "The e-mail address is not valid (example: name@region.se)."))
    }
}

extension String {
    var trimmingWhitespace: String {
        var text = Substring(self)
        while text.first?.isWhitespace == true { text.removeFirst() }
        while text.last?.isWhitespace == true { text.removeLast() }
        return String(text)
    }
}
