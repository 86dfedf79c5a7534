/// What the applying organisation has to do on a case now, so that its page can say it first.
public enum ApplicantTask: Sendable, Hashable {
    /// Fill in the order and submit it; `missing` counts the broken rules left.
    case submitOrder(missing: Int)
    /// The platform sent the order back: complete it and submit it again.
    case resubmitOrder(missing: Int)
    /// Questions from the platform team wait for an answer.
    case answerQuestions(count: Int)
    /// Checklist items of the current phase that the applicant owns and has not done, by section: the sections
    /// with items that keep the gate shut first, and in each section the required items first.
    case doItems([ItemGroup])

    /// A section's open items for the applicant.
    public struct ItemGroup: Sendable, Hashable {
        public let section: LocalizedText
        public let items: [ProcessDefinition.Item]
        /// How many of `items` the phase's gate waits for.
        public var blocking: Int { items.filter(\.isRequired).count }
    }

    /// The tasks, in the order to do them; empty when the case waits for the platform team.
    public static func tasks(
        for state: CaseState, fields: [String: String], in definition: ProcessDefinition, openQuestions: Int
    ) -> [ApplicantTask] {
        var tasks: [ApplicantTask] = []
        let missing = definition.form.checkSubmission(fields).count
        switch state.status {
        case .draft: tasks.append(.submitOrder(missing: missing))
        case .returnedForCompletion: tasks.append(.resubmitOrder(missing: missing))
        default: break
        }
        if openQuestions > 0 { tasks.append(.answerQuestions(count: openQuestions)) }
        // Items are worked while the case is in triage (the intake phase) or in progress.
        if [.triage, .inProgress].contains(state.status),
           let phase = definition.phases.first(where: { $0.id == state.currentPhase })
        {
            let groups = phase.sections.compactMap { section -> ItemGroup? in
                let open = section.items.filter { $0.owner == .applicant && state.itemState($0.id).status == .open }
                guard !open.isEmpty else { return nil }
                return ItemGroup(section: section.title, items: open.filter(\.isRequired) + open.filter { !$0.isRequired })
            }
            let blocking = groups.filter { $0.blocking > 0 }
            let rest = groups.filter { $0.blocking == 0 }
            if !groups.isEmpty { tasks.append(.doItems(blocking + rest)) }
        }
        return tasks
    }
}
