/// Why a text is not a valid identifier of the requested kind: the typed error of every `parse`.
///
/// A shape error (a character that does not belong, the wrong length) stops parsing at once, so
/// `errors` then holds that one issue. When the shape is right, the independent rules (date, birth
/// number, check digit) are all checked and every broken one is listed, so a technician sees at once
/// that a value has both an impossible date and a wrong check digit. `warnings` carries remarks found
/// on the way, such as a check digit that only the legacy rule accepts.
public struct IdentifierError: Error, Sendable, Hashable {
    /// The broken rules; never empty.
    public let errors: [IdentifierIssue]
    /// Remarks found before parsing stopped, e.g. `legacy-check-digit`.
    public let warnings: [IdentifierIssue]

    init(_ errors: [IdentifierIssue], warnings: [IdentifierIssue] = []) {
        self.errors = errors
        self.warnings = warnings
    }

    init(_ error: IdentifierIssue) {
        self.init([error])
    }

    /// The codes of `errors`, in order.
    public var codes: [IdentifierIssue.Code] {
        errors.map(\.code)
    }
}
