import Domain
import Persistence
import Vapor

/// The body of `POST /api/v1/cases/{id}/commands`: the command's name, the case version the caller saw,
/// and the command's own arguments.
struct CommandRequest: Content {
    struct EvidenceInput: Content {
        let kind: String
        let reference: String
    }

    let command: String
    /// The case's `version` as the caller read it; a stale one gets 409 with the current case.
    let version: Int?
    let item: String?
    let phase: String?
    let outcome: String?
    /// The reason of a command that takes one; for `start`, the coordinator's reason to start against the queue's
    /// order or capacity.
    let reason: String?
    let evidence: [EvidenceInput]?
    /// For `migrate`: the definition version to move to.
    let to: Int?

    /// The engine command this asks for; every missing or malformed argument is reported at once.
    func engineCommand(for record: CaseRecord, on store: Store) async throws -> CaseCommand {
        guard let name = CaseCommand.Name(rawValue: command) else {
            let known = CaseCommand.Name.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationFailure([
                FieldError(
                    field: "command", code: "unknown-command",
                    message: LocalizedText(sv: "Okänt kommando \"\(command)\"; kända: \(known).",
                                           en: "Unknown command \"\(command)\"; known: \(known)."))
            ])
        }
        var errors: [FieldError] = []
        if version == nil { errors.append(.required("version", label: LocalizedText(sv: "Ärendets version", en: "The case version"))) }
        func require(_ value: String?, _ field: String, _ label: LocalizedText) -> String {
            guard let value, !value.isEmpty else {
                errors.append(.required(field, label: label))
                return ""
            }
            return value
        }
        let itemLabel = LocalizedText(sv: "Punkten", en: "The item")
        let reasonLabel = LocalizedText(sv: "Skälet", en: "The reason")
        let result: CaseCommand
        switch name {
        case .submit: result = .submit
        case .beginTriage: result = .beginTriage
        case .start: result = .start
        case .resubmit: result = .resubmit
        case .resume: result = .resume
        case .close: result = .close
        case .tick:
            let kinds = (evidence ?? []).map { input -> Evidence in
                guard let kind = EvidenceKind(rawValue: input.kind) else {
                    errors.append(FieldError(
                        field: "evidence", code: "unknown-evidence-kind",
                        message: LocalizedText(sv: "Okänd typ av underlag \"\(input.kind)\".",
                                               en: "Unknown evidence kind \"\(input.kind)\".")))
                    return Evidence(.comment, input.reference)
                }
                return Evidence(kind, input.reference)
            }
            result = .tick(ItemID(rawValue: require(item, "item", itemLabel)), evidence: kinds)
        case .markNotApplicable:
            result = .markNotApplicable(
                ItemID(rawValue: require(item, "item", itemLabel)), reason: require(reason, "reason", reasonLabel))
        case .reopen: result = .reopen(ItemID(rawValue: require(item, "item", itemLabel)))
        case .decide:
            let outcomeText = require(outcome, "outcome", LocalizedText(sv: "Beslutet", en: "The outcome"))
            let parsed = DecisionOutcome(rawValue: outcomeText)
            if parsed == nil, !outcomeText.isEmpty {
                errors.append(FieldError(
                    field: "outcome", code: "unknown-outcome",
                    message: LocalizedText(sv: "Beslutet ska vara approve, return_for_completion eller reject.",
                                           en: "The outcome must be approve, return_for_completion or reject.")))
            }
            result = .decide(ItemID(rawValue: require(item, "item", itemLabel)), outcome: parsed ?? .approve, reason: reason)
        case .completePhase:
            result = .completePhase(PhaseID(rawValue: require(phase, "phase", LocalizedText(sv: "Fasen", en: "The phase"))))
        case .returnForCompletion: result = .returnForCompletion(reason: require(reason, "reason", reasonLabel))
        case .putOnHold: result = .putOnHold(reason: require(reason, "reason", reasonLabel))
        case .reject: result = .reject(reason: require(reason, "reason", reasonLabel))
        case .skipInQueue: result = .skipInQueue(reason: require(reason, "reason", reasonLabel))
        case .withdraw: result = .withdraw(reason: reason)
        case .migrate:
            guard let to else {
                errors.append(.required("to", label: LocalizedText(sv: "Målversionen", en: "The target version")))
                throw ValidationFailure(errors)
            }
            let target = try await DefinitionStore.versions(of: record.state.definition.id.rawValue, on: store)
                .first { $0.version == to }
            guard let target else {
                throw ValidationFailure(errors + [FieldError(
                    field: "to", code: "unknown-version",
                    message: LocalizedText(sv: "Version \(to) av processen är inte publicerad.",
                                           en: "Version \(to) of the process is not published."))])
            }
            result = .migrate(to: target)
        }
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        return result
    }
}
