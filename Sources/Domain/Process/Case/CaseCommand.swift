/// Something a person asks to do to a case; ``CaseState/handle(_:by:at:in:)`` accepts or refuses it.
///
/// Who may issue each command: the applicant submits, resubmits and withdraws; a coordinator begins
/// triage, starts or skips in the queue, completes phases, returns for completion, holds and resumes, closes, and rejects before
/// the queue (`submitted`, `triage`); a decision maker rejects at any open status after the draft; items are
/// ticked, marked not applicable and reopened by holders of their owner role or by a coordinator; decision
/// items are decided and reopened only by holders of their gate's decision role; an admin migrates.
public enum CaseCommand: Sendable, Hashable {
    /// Send the draft to the platform team.
    case submit
    /// Take a submitted case into triage and open the intake phase.
    case beginTriage
    /// Mark an item of the current phase done, with the evidence it asks for.
    case tick(ItemID, evidence: [Evidence])
    /// Mark an item of the current phase as not applicable to this case, with a reason.
    case markNotApplicable(ItemID, reason: String)
    /// Set an item of the current phase back to open.
    case reopen(ItemID)
    /// Decide a decision item of the current phase; a reason is needed unless approving.
    case decide(ItemID, outcome: DecisionOutcome, reason: String?)
    /// Complete the current phase (named, so a stale page cannot complete the next one) when its gate holds.
    case completePhase(PhaseID)
    /// Take a queued case into work on the phase after intake.
    case start
    /// Pass over a queued case that the queue offers, with a reason; it keeps its rank, and the next case is
    /// offered, until it is assessed again or started.
    case skipInQueue(reason: String)
    /// Send the case back to the applicant to complete, with a reason.
    case returnForCompletion(reason: String)
    /// Send a case that was returned for completion back to where it was.
    case resubmit
    /// Pause work on the case, with a reason.
    case putOnHold(reason: String)
    /// Continue a case on hold where it was.
    case resume
    /// Refuse the case, with a reason.
    case reject(reason: String)
    /// Withdraw the request; the reason is optional.
    case withdraw(reason: String?)
    /// Close a case in production.
    case close
    /// Move the case to another version of its process definition, keeping the states of items whose ids
    /// survive (see ``CaseState/handle(_:by:at:in:)`` for the phase it lands in).
    case migrate(to: ProcessDefinition)

    /// A command's name without its arguments, as used on the wire (`{"command":"tick"}`) and in audit events.
    public enum Name: String, Sendable, Hashable, Codable, CaseIterable {
        /// ``CaseCommand/submit``.
        case submit
        /// ``CaseCommand/beginTriage``.
        case beginTriage = "begin_triage"
        /// ``CaseCommand/tick(_:evidence:)``.
        case tick
        /// ``CaseCommand/markNotApplicable(_:reason:)``.
        case markNotApplicable = "mark_not_applicable"
        /// ``CaseCommand/reopen(_:)``.
        case reopen
        /// ``CaseCommand/decide(_:outcome:reason:)``.
        case decide
        /// ``CaseCommand/completePhase(_:)``.
        case completePhase = "complete_phase"
        /// ``CaseCommand/start``.
        case start
        /// ``CaseCommand/skipInQueue(reason:)``.
        case skipInQueue = "skip_in_queue"
        /// ``CaseCommand/returnForCompletion(reason:)``.
        case returnForCompletion = "return_for_completion"
        /// ``CaseCommand/resubmit``.
        case resubmit
        /// ``CaseCommand/putOnHold(reason:)``.
        case putOnHold = "put_on_hold"
        /// ``CaseCommand/resume``.
        case resume
        /// ``CaseCommand/reject(reason:)``.
        case reject
        /// ``CaseCommand/withdraw(reason:)``.
        case withdraw
        /// ``CaseCommand/close``.
        case close
        /// ``CaseCommand/migrate(to:)``.
        case migrate

        /// The statuses in which the command can be used at all; roles and items are checked after this.
        public var allowedIn: [CaseStatus] {
            switch self {
            case .submit: [.draft]
            case .beginTriage: [.submitted]
            case .tick, .markNotApplicable, .reopen, .decide, .completePhase: [.triage, .inProgress]
            case .start, .skipInQueue: [.queued]
            case .returnForCompletion: [.submitted, .triage, .inProgress]
            case .resubmit: [.returnedForCompletion]
            case .putOnHold: [.submitted, .triage, .queued, .inProgress]
            case .resume: [.onHold]
            case .reject: [.submitted, .triage, .queued, .inProgress, .returnedForCompletion, .onHold]
            case .withdraw: [.draft, .submitted, .triage, .queued, .inProgress, .returnedForCompletion, .onHold]
            case .close: [.inProduction]
            case .migrate: CaseStatus.allCases.filter { !$0.isTerminal }
            }
        }
    }

    /// The command's name.
    public var name: Name {
        switch self {
        case .submit: .submit
        case .beginTriage: .beginTriage
        case .tick: .tick
        case .markNotApplicable: .markNotApplicable
        case .reopen: .reopen
        case .decide: .decide
        case .completePhase: .completePhase
        case .start: .start
        case .skipInQueue: .skipInQueue
        case .returnForCompletion: .returnForCompletion
        case .resubmit: .resubmit
        case .putOnHold: .putOnHold
        case .resume: .resume
        case .reject: .reject
        case .withdraw: .withdraw
        case .close: .close
        case .migrate: .migrate
        }
    }
}
