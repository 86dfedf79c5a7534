/// Where a case stands at a glance: each phase done, current or ahead, the current phase's required items
/// counted, and whose turn it is. The case page's header and the staff inbox both show it, so it is one rule.
public struct CaseProgress: Sendable, Hashable {
    /// A phase's place relative to the case.
    public enum PhaseStanding: String, Sendable, Hashable {
        case done, current, ahead
    }

    /// Who the case waits for now.
    public enum Turn: String, Sendable, Hashable {
        /// The applying organisation: the order to fill in or complete, items of theirs, questions to answer.
        case applicant
        /// The platform team: triage, their items, completing the phase.
        case platformTeam = "platform_team"
        /// A decision at the gate: only a decision item is still open.
        case decision
        /// A place in the platform's queue.
        case queue
        /// Nobody: on hold, in production, or ended.
        case nobody

        /// The turn in words.
        public var title: LocalizedText {
            switch self {
            case .applicant: LocalizedText(sv: "Väntar på sökande", en: "Waiting for the applicant")
            case .platformTeam: LocalizedText(sv: "Väntar på plattformsteamet", en: "Waiting for the platform team")
            case .decision: LocalizedText(sv: "Väntar på beslut", en: "Waiting for a decision")
            case .queue: LocalizedText(sv: "Väntar på plats i kön", en: "Waiting for a place in the queue")
            case .nobody: LocalizedText(sv: "Inget väntar", en: "Nothing is waiting")
            }
        }
    }

    /// The required items of the current phase, counted.
    public struct Counts: Sendable, Hashable {
        public var done = 0
        public var open = 0
        public var notApplicable = 0

        public init(done: Int = 0, open: Int = 0, notApplicable: Int = 0) {
            self.done = done
            self.open = open
            self.notApplicable = notApplicable
        }

        /// All required items of the phase.
        public var total: Int { done + open + notApplicable }
        /// Done or not applicable: what the gate counts as settled.
        public var settled: Int { done + notApplicable }
        /// Settled as a share of the total, 0...1 (1 for a phase without required items).
        public var fraction: Double { total == 0 ? 1 : Double(settled) / Double(total) }
    }

    /// A phase of the definition and its standing.
    public struct PhaseEntry: Sendable, Hashable {
        public let id: PhaseID
        public let title: LocalizedText
        public let standing: PhaseStanding
    }

    /// Every phase of the definition with its standing, in order.
    public let phases: [PhaseEntry]
    /// The current phase's required items, counted.
    public let counts: Counts
    /// Who the case waits for.
    public let turn: Turn

    /// The progress of a case in `state` following `definition`; `questionsForApplicant` counts the platform's
    /// open questions, which put the turn with the applicant while they wait for an answer.
    public init(_ state: CaseState, in definition: ProcessDefinition, questionsForApplicant: Int = 0) {
        self.init(
            status: state.status, currentPhase: state.currentPhase, itemStatus: { state.itemState($0).status },
            in: definition, questionsForApplicant: questionsForApplicant)
    }

    /// The same from the parts a list reads: the status, the current phase and each item's status.
    public init(
        status: CaseStatus, currentPhase: PhaseID, itemStatus: (ItemID) -> ItemStatus, in definition: ProcessDefinition,
        questionsForApplicant: Int = 0
    ) {
        let currentIndex = definition.phaseIndex(of: currentPhase) ?? 0
        // A case in production has passed every gate; before that the current phase is the one being worked.
        let allDone = [.inProduction, .closed].contains(status)
        phases = definition.phases.enumerated().map { index, phase in
            let standing: PhaseStanding =
                allDone || index < currentIndex ? .done : index == currentIndex ? .current : .ahead
            return PhaseEntry(id: phase.id, title: phase.title, standing: standing)
        }
        var counts = Counts()
        let required = definition.phases.indices.contains(currentIndex)
            ? definition.phases[currentIndex].items.filter(\.isRequired) : []
        var open: [ProcessDefinition.Item] = []
        for item in required {
            switch itemStatus(item.id) {
            case .done: counts.done += 1
            case .open: counts.open += 1; open.append(item)
            case .notApplicable: counts.notApplicable += 1
            }
        }
        self.counts = counts
        turn = Self.turn(status, open: open, questionsForApplicant: questionsForApplicant)
    }

    private static func turn(_ status: CaseStatus, open: [ProcessDefinition.Item], questionsForApplicant: Int) -> Turn {
        switch status {
        case .draft, .returnedForCompletion: return .applicant
        case .submitted: return .platformTeam
        case .queued: return .queue
        case .onHold, .inProduction, .closed, .rejected, .withdrawn: return .nobody
        case .triage, .inProgress:
            if questionsForApplicant > 0 { return .applicant }
            if open.contains(where: { $0.owner == .applicant }) { return .applicant }
            if !open.isEmpty && open.allSatisfy({ $0.kind == .decision }) { return .decision }
            return .platformTeam
        }
    }
}
