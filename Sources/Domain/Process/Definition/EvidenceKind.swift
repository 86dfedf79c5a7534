/// A kind of evidence an item asks for before it may be ticked.
public enum EvidenceKind: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// A written note, for example how the connecting system handles protected personal data.
    case comment
    /// A stored document, for example a SAD or a signed agreement.
    case attachment
    /// A test protocol, from the verification environment or uploaded by the applicant.
    case testProtocol = "test_protocol"
    /// An assessment recorded with the platform's assessment matrix.
    case assessment

    /// The kind's name for people, in Swedish and English.
    public var title: LocalizedText {
        switch self {
        case .comment: LocalizedText(sv: "kommentar", en: "comment")
        case .attachment: LocalizedText(sv: "bilaga", en: "attachment")
        case .testProtocol: LocalizedText(sv: "testprotokoll", en: "test protocol")
        case .assessment: LocalizedText(sv: "bedömning", en: "assessment")
        }
    }

    /// Orders kinds by their wire name, which is the order of the canonical encoding.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
