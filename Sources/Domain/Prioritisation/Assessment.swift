import Foundation

/// A coordinator's assessment of one case with one matrix: a score and a short rationale per criterion, the
/// provider's size class, notes on the further factors, and the total. Re-assessing records a new one with the
/// reason for the change; the earlier ones stay as the case's history.
public struct Assessment: Sendable, Hashable, Codable {
    /// The matrix version it was made with.
    public var matrix: AssessmentMatrix.Reference
    /// By criterion id, in the matrix's order.
    public var scores: [Score]
    /// The number of employees it was sized on, and the class that gave.
    public var employees: Int?
    public var sizeClass: String?
    public var sizePoints: Int
    /// By note id; only the notes written.
    public var notes: [String: String]
    /// Why it was made or changed; required when it replaces an earlier assessment.
    public var reason: String?
    public var total: Int

    public struct Score: Sendable, Hashable, Codable {
        public var criterion: String
        public var value: Int
        public var weight: Int
        public var rationale: String

        public init(criterion: String, value: Int, weight: Int, rationale: String) {
            self.criterion = criterion
            self.value = value
            self.weight = weight
            self.rationale = rationale
        }

        /// What it adds to the total.
        public var points: Int { value * weight }
    }

    public init(
        matrix: AssessmentMatrix.Reference, scores: [Score], employees: Int?, sizeClass: String?, sizePoints: Int,
        notes: [String: String], reason: String?
    ) {
        self.matrix = matrix
        self.scores = scores
        self.employees = employees
        self.sizeClass = sizeClass
        self.sizePoints = sizePoints
        self.notes = notes
        self.reason = reason
        self.total = scores.reduce(sizePoints) { $0 + $1.points }
    }

    public func score(_ criterion: String) -> Score? { scores.first { $0.criterion == criterion } }
}

/// What an assessor enters: a score and a rationale per criterion (by id), the number of employees when the order
/// lacks it or it is corrected, notes, and a reason.
public struct AssessmentInput: Sendable, Hashable {
    public var scores: [String: Int]
    public var rationales: [String: String]
    public var employees: Int?
    public var notes: [String: String]
    public var reason: String?

    public init(
        scores: [String: Int], rationales: [String: String], employees: Int?, notes: [String: String] = [:],
        reason: String? = nil
    ) {
        self.scores = scores
        self.rationales = rationales
        self.employees = employees
        self.notes = notes
        self.reason = reason
    }
}
