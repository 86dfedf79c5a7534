/// Where a case (ärende) stands in its life, independent of which phase of its process it is in.
///
/// The happy path is `draft → submitted → triage → queued → in_progress → in_production → closed`. The
/// intake phase (the definition's first) is worked during `triage`; completing it queues the case;
/// starting it opens the second phase; completing the last phase puts the case in production.
/// `returned_for_completion` and `on_hold` are side states that remember where to go back to;
/// `closed`, `rejected` and `withdrawn` are terminal. Each case below lists its legal next states and the
/// commands that lead there; ``CaseCommand/Name/allowedIn`` is the same table seen from the commands.
public enum CaseStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// The applicant is writing the request; no one else sees it yet.
    /// Next: `submitted` (submit), `withdrawn` (withdraw).
    case draft
    /// The request has been sent and waits for the platform team.
    /// Next: `triage` (begin triage), `returned_for_completion`, `on_hold`, `rejected`, `withdrawn`.
    case submitted
    /// The platform team checks completeness and works the intake phase (assessment, first decision).
    /// Next: `queued` (complete the intake phase), `returned_for_completion` (also by a decision),
    /// `on_hold`, `rejected` (also by a decision), `withdrawn`.
    case triage
    /// Accepted and waiting for its turn in the platform's queue.
    /// Next: `in_progress` (start), `on_hold`, `rejected`, `withdrawn`.
    case queued
    /// The phases after intake are being worked: items ticked, decided, phases completed one by one.
    /// Next: `in_production` (complete the last phase), `returned_for_completion` (also by a decision),
    /// `on_hold`, `rejected` (also by a decision), `withdrawn`.
    case inProgress = "in_progress"
    /// Sent back to the applicant to complete; resubmitting returns to where it came from
    /// (`submitted`, `triage` or `in_progress`). Next: that status (resubmit), `rejected`, `withdrawn`.
    case returnedForCompletion = "returned_for_completion"
    /// Paused by the platform team; resuming returns to where it came from
    /// (`submitted`, `triage`, `queued` or `in_progress`). Next: that status (resume), `rejected`, `withdrawn`.
    case onHold = "on_hold"
    /// Every phase is complete and the connection is in operation. Next: `closed` (close).
    case inProduction = "in_production"
    /// The connection's case is finished, for example when the integration is retired. Terminal.
    case closed
    /// Refused, by a decision maker or (before the queue) a coordinator. Terminal.
    case rejected
    /// Withdrawn by the applicant. Terminal.
    case withdrawn

    /// Whether no command can leave this status.
    public var isTerminal: Bool {
        self == .closed || self == .rejected || self == .withdrawn
    }

    /// Whether the applicant may change the order: while a draft, and when it was returned for completion.
    public var acceptsOrderChanges: Bool {
        self == .draft || self == .returnedForCompletion
    }

    /// The status's name for people.
    public var title: LocalizedText {
        switch self {
        case .draft: LocalizedText(sv: "utkast", en: "draft")
        case .submitted: LocalizedText(sv: "inskickat", en: "submitted")
        case .triage: LocalizedText(sv: "under bedömning", en: "in triage")
        case .queued: LocalizedText(sv: "i kö", en: "queued")
        case .inProgress: LocalizedText(sv: "pågår", en: "in progress")
        case .returnedForCompletion: LocalizedText(sv: "återsänt för komplettering", en: "returned for completion")
        case .onHold: LocalizedText(sv: "vilande", en: "on hold")
        case .inProduction: LocalizedText(sv: "i produktion", en: "in production")
        case .closed: LocalizedText(sv: "avslutat", en: "closed")
        case .rejected: LocalizedText(sv: "avslaget", en: "rejected")
        case .withdrawn: LocalizedText(sv: "återkallat", en: "withdrawn")
        }
    }
}
