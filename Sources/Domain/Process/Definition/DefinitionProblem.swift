/// One thing wrong with a process definition, found by ``ProcessDefinition/validate()``.
public struct DefinitionProblem: Sendable, Hashable, CustomStringConvertible {
    /// What kind of problem it is; the raw values are stable and appear in reports.
    public enum Code: String, Sendable, Hashable, CaseIterable {
        /// An id is empty or not lower-case ASCII letters and digits joined by single `.`, `-` or `_`.
        case invalidID = "invalid-id"
        /// Two phases, sections or items share an id (they share one namespace).
        case duplicateID = "duplicate-id"
        /// The platform code is not upper-case ASCII letters, digits and `_`, starting with a letter.
        case invalidPlatform = "invalid-platform"
        /// The version is below 1.
        case invalidVersion = "invalid-version"
        /// A Swedish or English text is blank.
        case emptyText = "empty-text"
        /// There is no phase after the intake phase.
        case tooFewPhases = "too-few-phases"
        /// A phase has no sections.
        case emptyPhase = "empty-phase"
        /// A section has no items.
        case emptySection = "empty-section"
        /// A gate names an item the definition does not have.
        case gateUnknownItem = "gate-unknown-item"
        /// A gate names an item of another phase.
        case gateForeignItem = "gate-foreign-item"
        /// A gate names an item that is not a decision.
        case gateNotDecision = "gate-not-decision"
        /// A gate names the same item twice.
        case gateDuplicateItem = "gate-duplicate-item"
        /// A decision item is not named by its phase's gate.
        case decisionNotInGate = "decision-not-in-gate"
        /// A decision item is not required (a gate decision cannot be optional).
        case decisionNotRequired = "decision-not-required"
        /// A decision item's owner is not its gate's decision role.
        case decisionOwnerMismatch = "decision-owner-mismatch"
        /// A decision item asks for evidence; decisions carry a reason instead.
        case decisionWithEvidence = "decision-with-evidence"
        /// An item's `also` names a role on a decision item, on an item of a role whose items are its own
        /// alone (``SeparationOfDuties``), or its own owner.
        case alsoNotAllowed = "also-not-allowed"
        /// An order form field's id is not lower-case a–z, digits and `_`, starting with a letter.
        case invalidFieldID = "invalid-field-id"
        /// Two order form fields (or sections) share an id.
        case duplicateField = "duplicate-field"
        /// A `choice` or `choices` field has no options, or another type has some.
        case fieldOptions = "field-options"
        /// A condition or risk names an answer the field cannot have, or a field that does not exist.
        case fieldCondition = "field-condition"
        /// A section asks for an attachment kind that does not exist.
        case unknownAttachment = "unknown-attachment"
    }

    /// What kind of problem it is.
    public let code: Code
    /// Where it is.
    public let path: DefinitionPath
    /// What is wrong, naming the rule, for people.
    public let message: LocalizedText

    /// A problem at a path.
    public init(_ code: Code, at path: DefinitionPath, _ message: LocalizedText) {
        self.code = code
        self.path = path
        self.message = message
    }

    /// `phases[1].id: duplicate-id: …` in English, for logs and test failures.
    public var description: String {
        "\(path.description.isEmpty ? "(definition)" : path.description): \(code.rawValue): \(message.en)"
    }
}
