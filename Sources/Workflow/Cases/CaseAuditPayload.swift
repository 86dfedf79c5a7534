import Domain

/// What an audit event says about a case command: the command with its arguments and what it changed.
enum CaseAuditPayload {
    /// `queueOverride`: the reason a coordinator gave to start a case against the queue's rule, and that rule.
    static func payload(
        command: CaseCommand, actions: [CaseAction], version: Int, queueOverride: (reason: String, rule: String)? = nil
    ) -> CanonicalJSON {
        var members: [String: CanonicalJSON] = [
            "command": .string(command.name.rawValue),
            "arguments": arguments(command),
            "changes": .array(actions.map(change)),
            "version": .int(Int64(version)),
        ]
        if let queueOverride {
            members["queueOverride"] = ["reason": .string(queueOverride.reason), "rule": .string(queueOverride.rule)]
        }
        return .object(members)
    }

    private static func arguments(_ command: CaseCommand) -> CanonicalJSON {
        switch command {
        case .tick(let item, let evidence):
            ["item": .string(item.rawValue), "evidence": .array(evidence.map(evidenceJSON))]
        case .markNotApplicable(let item, let reason): ["item": .string(item.rawValue), "reason": .string(reason)]
        case .reopen(let item): ["item": .string(item.rawValue)]
        case .decide(let item, let outcome, let reason):
            ["item": .string(item.rawValue), "outcome": .string(outcome.rawValue), "reason": optional(reason)]
        case .completePhase(let phase): ["phase": .string(phase.rawValue)]
        case .returnForCompletion(let reason), .putOnHold(let reason), .reject(let reason), .skipInQueue(let reason):
            ["reason": .string(reason)]
        case .withdraw(let reason): ["reason": optional(reason)]
        case .migrate(let target): ["to": .string(target.reference.description)]
        case .submit, .beginTriage, .start, .resubmit, .resume, .close: [:]
        }
    }

    private static func change(_ action: CaseAction) -> CanonicalJSON {
        switch action {
        case .statusChanged(let from, let to, let reason):
            ["status": ["from": .string(from.rawValue), "to": .string(to.rawValue), "reason": optional(reason)]]
        case .phaseStarted(let phase): ["phaseStarted": .string(phase.rawValue)]
        case .skippedInQueue(let reason): ["skippedInQueue": ["reason": .string(reason)]]
        case .phaseCompleted(let phase): ["phaseCompleted": .string(phase.rawValue)]
        case .itemChanged(let item, let state):
            ["item": ["id": .string(item.rawValue), "status": .string(state.status.rawValue), "reason": optional(state.reason)]]
        case .decisionRecorded(let decision):
            ["decision": [
                "item": .string(decision.item.rawValue), "outcome": .string(decision.outcome.rawValue),
                "reason": optional(decision.reason),
            ]]
        case .migrated(let report):
            ["migrated": [
                "from": .string(report.from.description), "to": .string(report.to.description),
                "dropped": .array(report.dropped.map { .string($0.rawValue) }), "phase": .string(report.phase.rawValue),
            ]]
        }
    }

    private static func evidenceJSON(_ evidence: Evidence) -> CanonicalJSON {
        ["kind": .string(evidence.kind.rawValue), "reference": .string(evidence.reference)]
    }

    private static func optional(_ text: String?) -> CanonicalJSON {
        text.map(CanonicalJSON.string) ?? .null
    }
}
