/// A role a person holds on a case, as named in process files and on the wire.
///
/// The engine only sees roles that the caller has already scoped to the case at hand (an applicant to
/// their own organisation, platform staff to the platforms they serve); it never scopes them itself.
public enum Role: String, Sendable, Hashable, Codable, CaseIterable {
    /// Someone from the care provider or supplier that asks to be connected.
    case applicant
    /// Platform staff who triage, move phases and tick items.
    case coordinator
    /// Platform staff who run the security review and decide its outcome.
    case securityReviewer = "security_reviewer"
    /// Platform staff who set up accounts, certificates, endpoints and deployment.
    case technician
    /// Platform staff who decide at gates, for example whether to connect at all.
    case decisionMaker = "decision_maker"
    /// Manages platforms, process definitions, users and organisations; moves cases between definition versions.
    case admin

    /// The role's name for people, in Swedish and English.
    public var title: LocalizedText {
        switch self {
        case .applicant: LocalizedText(sv: "sökande", en: "applicant")
        case .coordinator: LocalizedText(sv: "samordnare", en: "coordinator")
        case .securityReviewer: LocalizedText(sv: "säkerhetsgranskare", en: "security reviewer")
        case .technician: LocalizedText(sv: "tekniker", en: "technician")
        case .decisionMaker: LocalizedText(sv: "beslutsfattare", en: "decision maker")
        case .admin: LocalizedText(sv: "administratör", en: "administrator")
        }
    }
}
