/// The order (beställning, förfrågan) an applicant fills in to start a case: defined with the platform's
/// process, so BFR's Del 1 and TakeCare's request are data, not a template each.
///
/// Every answer is a string in the case's `fields`, under the field's id: free text as written, `ja`/`nej`
/// for yes-or-no questions, an option id for a choice, option ids joined by `,` for several choices, and
/// `ja` for a ticked affirmation.
public struct OrderForm: Sendable, Hashable, Codable {
    /// Parts of the form in the order they are shown, each a fieldset.
    public var sections: [Section]

    public init(sections: [Section]) {
        self.sections = sections
    }

    /// A form with nothing to fill in.
    public static let empty = OrderForm(sections: [])

    /// Every field, in order.
    public var fields: [Field] { sections.flatMap(\.fields) }

    /// The field with this id.
    public func field(_ id: String) -> Field? { fields.first { $0.id == id } }

    public struct Section: Sendable, Hashable, Codable, Identifiable {
        public var id: String
        public var title: LocalizedText
        /// Text shown above the fields, such as the form's own explanation.
        public var intro: LocalizedText?
        public var fields: [Field]
        /// Document kinds (`DocumentKind` raw values) the section asks to have attached.
        public var attachments: [String]

        public init(id: String, title: LocalizedText, intro: LocalizedText? = nil, fields: [Field], attachments: [String] = []) {
            self.id = id
            self.title = title
            self.intro = intro
            self.fields = fields
            self.attachments = attachments
        }
    }

    public struct Field: Sendable, Hashable, Codable, Identifiable {
        public var id: String
        public var label: LocalizedText
        public var help: LocalizedText?
        public var type: FieldType
        /// Must be answered before the order is submitted.
        public var isRequired: Bool
        /// Must be answered when another field has a given answer (for example "which PU service" after "ja").
        public var requiredWhen: Condition?
        /// For `choice` and `choices`.
        public var options: [Option]
        /// An answer that the coordinator should notice, with why.
        public var risk: Risk?

        public init(
            id: String, label: LocalizedText, help: LocalizedText? = nil, type: FieldType, isRequired: Bool,
            requiredWhen: Condition? = nil, options: [Option] = [], risk: Risk? = nil
        ) {
            self.id = id
            self.label = label
            self.help = help
            self.type = type
            self.isRequired = isRequired
            self.requiredWhen = requiredWhen
            self.options = options
            self.risk = risk
        }

        private enum CodingKeys: String, CodingKey {
            case id, label, help, type, options, risk
            case isRequired = "required"
            case requiredWhen = "required_when"
        }
    }

    public enum FieldType: String, Sendable, Hashable, Codable, CaseIterable {
        /// One line of text.
        case text
        /// Several lines of text.
        case textarea
        case email
        /// An organisationsnummer or an HSA-id, checked as such.
        case organisationID = "organisation_id"
        /// A whole number, 0 or more.
        case number
        /// `ja` or `nej`.
        case yesNo = "yes_no"
        /// One of `options`.
        case choice
        /// Any number of `options`, joined by `,`.
        case choices
        /// A box the signer ticks to affirm the text (`ja` when ticked).
        case confirm
    }

    public struct Option: Sendable, Hashable, Codable {
        public var id: String
        public var label: LocalizedText

        public init(id: String, label: LocalizedText) {
            self.id = id
            self.label = label
        }
    }

    /// Holds when the field `field` has the answer `equals` (for `choices`: includes it).
    public struct Condition: Sendable, Hashable, Codable {
        public var field: String
        public var equals: String

        public init(field: String, equals: String) {
            self.field = field
            self.equals = equals
        }
    }

    /// The answer `when` signals a risk, explained by `text`.
    public struct Risk: Sendable, Hashable, Codable {
        public var when: String
        public var text: LocalizedText

        public init(when: String, text: LocalizedText) {
            self.when = when
            self.text = text
        }
    }

    /// The answers a yes-or-no question takes.
    public static let yes = "ja"
    public static let no = "nej"
}
