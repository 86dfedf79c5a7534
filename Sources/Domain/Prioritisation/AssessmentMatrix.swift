import Foundation

/// A platform's assessment matrix ("bedömningsmatris"): the criteria a request is scored on, how the care
/// provider's size enters the score, the further factors recorded as notes, which case statuses take one of the
/// team's places, and the tie rule. Read from `Processes/matrices/*.yaml`, published by content hash like a process
/// definition (a changed file needs a new `version`), and pinned by every assessment made with it.
public struct AssessmentMatrix: Sendable, Hashable, Codable {
    /// The matrix, the same in every version (`takecare-prioritering`).
    public var id: String
    /// The platform code it orders (`TAKECARE`).
    public var platform: String
    public var version: Int
    public var title: LocalizedText
    public var criteria: [Criterion]
    public var size: SizeRule
    /// Factors weighed beside the score and recorded as notes, not scored (TakeCare: ekonomi, kvalitet, resursåtgång).
    public var notes: [Note]
    /// The statuses in which a case holds one of the team's places. A case on hold or returned for completion
    /// holds one only when it was in progress before (it goes back there), and only if its status is listed.
    public var placeStatuses: [CaseStatus]
    public var tieBreak: TieBreak

    public init(
        id: String, platform: String, version: Int, title: LocalizedText, criteria: [Criterion], size: SizeRule,
        notes: [Note], placeStatuses: [CaseStatus], tieBreak: TieBreak = .earlierSubmission
    ) {
        self.id = id
        self.platform = platform
        self.version = version
        self.title = title
        self.criteria = criteria
        self.size = size
        self.notes = notes
        self.placeStatuses = placeStatuses
        self.tieBreak = tieBreak
    }

    /// One scored criterion, such as "lagkrav (0 or 4)".
    public struct Criterion: Sendable, Hashable, Codable {
        public var id: String
        public var title: LocalizedText
        /// The scores a criterion takes, lowest first (`[0, 4]`, `[0, 1, 2, 3, 4]`).
        public var values: [Int]
        /// How many times its score counts in the total.
        public var weight: Int
        /// The order form's field where the applicant describes the need against this criterion.
        public var descriptionField: String?
        /// The order form's field where the applicant proposes a score.
        public var proposalField: String?

        public init(
            id: String, title: LocalizedText, values: [Int], weight: Int = 1, descriptionField: String? = nil,
            proposalField: String? = nil
        ) {
            self.id = id
            self.title = title
            self.values = values
            self.weight = weight
            self.descriptionField = descriptionField
            self.proposalField = proposalField
        }

        private enum CodingKeys: String, CodingKey {
            case id, title, values, weight
            case descriptionField = "description_field"
            case proposalField = "proposal_field"
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            id = try c.decode(String.self, forKey: .id)
            title = try c.decode(LocalizedText.self, forKey: .title)
            values = try c.decode([Int].self, forKey: .values)
            weight = try c.decodeIfPresent(Int.self, forKey: .weight) ?? 1
            descriptionField = try c.decodeIfPresent(String.self, forKey: .descriptionField)
            proposalField = try c.decodeIfPresent(String.self, forKey: .proposalField)
        }
    }

    /// How the care provider's size enters the score: the number of employees (from the order's `field`) falls in
    /// one class, whose points are added to the total.
    public struct SizeRule: Sendable, Hashable, Codable {
        /// The order form's field with the number of employees.
        public var field: String?
        /// Ordered by `minEmployees`, the first starting at 0.
        public var classes: [SizeClass]

        public init(field: String?, classes: [SizeClass]) {
            self.field = field
            self.classes = classes
        }

        /// The class `employees` falls in: the last whose lower bound it reaches.
        public func sizeClass(employees: Int) -> SizeClass? {
            classes.last { employees >= $0.minEmployees }
        }
    }

    public struct SizeClass: Sendable, Hashable, Codable {
        public var id: String
        public var title: LocalizedText
        public var minEmployees: Int
        public var points: Int

        public init(id: String, title: LocalizedText, minEmployees: Int, points: Int) {
            self.id = id
            self.title = title
            self.minEmployees = minEmployees
            self.points = points
        }

        private enum CodingKeys: String, CodingKey {
            case id, title, points
            case minEmployees = "min_employees"
        }
    }

    /// A further factor the assessor writes a note on.
    public struct Note: Sendable, Hashable, Codable {
        public var id: String
        public var title: LocalizedText

        public init(id: String, title: LocalizedText) {
            self.id = id
            self.title = title
        }
    }

    /// Which of two cases with the same total goes first.
    public enum TieBreak: String, Sendable, Hashable, Codable {
        /// The one submitted first (its first submission).
        case earlierSubmission = "earlier_submission"

        public var text: LocalizedText {
            switch self {
            case .earlierSubmission:
                LocalizedText(sv: "vid lika poäng går den först inskickade före",
                              en: "with equal scores, the one submitted first goes first")
            }
        }
    }

    private enum CodingKeys: String, CodingKey {
        case id, platform, version, title, criteria, size, notes
        case placeStatuses = "place_statuses"
        case tieBreak = "tie_break"
    }

    /// Lower-case hexadecimal SHA-256 of the matrix's canonical JSON, as for process definitions and profiles.
    public var contentHash: String { CanonicalJSON.hash(of: self) }

    /// The id, version and hash an assessment pins.
    public var reference: Reference { Reference(id: id, version: version, contentHash: contentHash) }

    public struct Reference: Sendable, Hashable, Codable, CustomStringConvertible {
        public var id: String
        public var version: Int
        public var contentHash: String

        public init(id: String, version: Int, contentHash: String) {
            self.id = id
            self.version = version
            self.contentHash = contentHash
        }

        public var description: String { "\(id)@\(version)" }
    }

    public func criterion(_ id: String) -> Criterion? { criteria.first { $0.id == id } }

    /// The highest total the matrix can give: what the pages measure a score against.
    public var maximumTotal: Int {
        criteria.reduce(0) { $0 + ($1.values.max() ?? 0) * $1.weight } + (size.classes.map(\.points).max() ?? 0)
    }
}
