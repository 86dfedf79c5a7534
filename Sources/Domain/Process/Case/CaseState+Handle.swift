import Foundation

extension CaseState {
    /// Checks a command and, if it is allowed, applies it and returns what happened.
    ///
    /// The checks run in a fixed order and the first failure is returned: the definition must be the
    /// pinned one (`definition-mismatch`, compared by id and version); the status must allow the command
    /// (`wrong-state`, see ``CaseCommand/Name/allowedIn``); the user must hold a role the command needs
    /// (`missing-role`); then the command's own rules (reason, item, evidence, gate). On success the
    /// state changes and ``version`` goes up by one; on refusal nothing changes.
    ///
    /// Status commands: `submit` moves `draft` to `submitted`; `begin_triage` moves `submitted` to `triage`
    /// and starts the intake phase; `complete_phase` in triage completes the intake phase and queues the
    /// case, in progress it completes the phase and starts the next, or after the last phase moves to
    /// `in_production`; `start` moves `queued` to `in_progress`
    /// (the queue's order and capacity are checked by the caller, which knows the other cases); `skip_in_queue`
    /// passes a queued case over with a reason, changing nothing but the version; `return_for_completion` and `put_on_hold`
    /// remember the status to go back to and `resubmit` and `resume` go back there; `reject`, `withdraw`
    /// and `close` end the case. A decision with outcome `return_for_completion` or `reject` has the same
    /// effect as those commands.
    ///
    /// `migrate` moves the case to another version of the same process: states of items whose ids survive
    /// are kept, the rest are dropped and listed in the ``MigrationReport``. The case lands in the phase
    /// with the same id if that phase is still one it could be in; otherwise, up to triage, in the first
    /// phase; when queued, in the second; in progress, in the first phase after intake that has open required
    /// items (or the last phase); in production, in the last phase.
    ///
    /// - Parameters:
    ///   - command: What the user asks to do.
    ///   - user: Who asks, with roles already scoped to this case.
    ///   - time: When; recorded on item states and decisions.
    ///   - definition: The definition the case is pinned to (``definition``); the engine assumes it is valid.
    public mutating func handle(
        _ command: CaseCommand,
        by user: ActingUser,
        at time: Date,
        in definition: ProcessDefinition
    ) -> Result<[CaseAction], CaseRefusal> {
        var next = self
        let result = Result { () throws(CaseRefusal) -> [CaseAction] in
            try next.apply(command, by: user, at: time, in: definition)
        }
        if case .success = result {
            next.version += 1
            self = next
        }
        return result
    }

    private mutating func apply(
        _ command: CaseCommand,
        by user: ActingUser,
        at time: Date,
        in definition: ProcessDefinition
    ) throws(CaseRefusal) -> [CaseAction] {
        guard definition.id == self.definition.id, definition.version == self.definition.version else {
            throw .definitionMismatch(pinned: self.definition, given: definition)
        }
        let name = command.name
        guard name.allowedIn.contains(status) else {
            throw .wrongState(name, in: status)
        }
        switch command {
        case .submit:
            try Self.require(user, holdsAnyOf: [.applicant], for: name)
            return moveStatus(to: .submitted)
        case .beginTriage:
            try Self.require(user, holdsAnyOf: [.coordinator], for: name)
            return moveStatus(to: .triage) + [.phaseStarted(currentPhase)]
        case .tick(let item, let evidence):
            return try tick(item, evidence: evidence, by: user, at: time, in: definition)
        case .markNotApplicable(let item, let reason):
            return try markNotApplicable(item, reason: reason, by: user, at: time, in: definition)
        case .reopen(let item):
            return try reopen(item, by: user, at: time, in: definition)
        case .decide(let item, let outcome, let reason):
            return try decide(item, outcome: outcome, reason: reason, by: user, at: time, in: definition)
        case .completePhase(let phase):
            try Self.require(user, holdsAnyOf: [.coordinator], for: name)
            return try completePhase(phase, in: definition)
        case .start:
            try Self.require(user, holdsAnyOf: [.coordinator], for: name)
            return moveStatus(to: .inProgress) + [.phaseStarted(currentPhase)]
        case .skipInQueue(let reason):
            try Self.require(user, holdsAnyOf: [.coordinator], for: name)
            return [.skippedInQueue(reason: try Self.requireReason(reason, for: name))]
        case .returnForCompletion(let reason):
            try Self.require(user, holdsAnyOf: [.coordinator], for: name)
            return suspend(to: .returnedForCompletion, reason: try Self.requireReason(reason, for: name))
        case .resubmit:
            try Self.require(user, holdsAnyOf: [.applicant], for: name)
            return try resumeSuspended(for: name)
        case .putOnHold(let reason):
            try Self.require(user, holdsAnyOf: [.coordinator], for: name)
            return suspend(to: .onHold, reason: try Self.requireReason(reason, for: name))
        case .resume:
            try Self.require(user, holdsAnyOf: [.coordinator], for: name)
            return try resumeSuspended(for: name)
        case .reject(let reason):
            // Coordinators may screen out a request before it is queued; after that, refusing a case
            // that the platform has accepted is a decision maker's call.
            let roles: [Role] = status == .submitted || status == .triage ? [.decisionMaker, .coordinator] : [.decisionMaker]
            try Self.require(user, holdsAnyOf: roles, for: name)
            return moveStatus(to: .rejected, reason: try Self.requireReason(reason, for: name))
        case .withdraw(let reason):
            try Self.require(user, holdsAnyOf: [.applicant], for: name)
            return moveStatus(to: .withdrawn, reason: reason.flatMap(Self.nonBlank))
        case .close:
            try Self.require(user, holdsAnyOf: [.coordinator], for: name)
            return moveStatus(to: .closed)
        case .migrate(let target):
            try Self.require(user, holdsAnyOf: [.admin], for: name)
            return try migrate(to: target)
        }
    }
}
