import Domain
import Foundation
import Persistence

/// The commands a person may give a case now, found by letting the engine try each on a copy of the state,
/// so the page offers exactly what the engine would accept (reasons and evidence filled in by the form).
enum CaseActions {
    static func available(
        _ record: CaseRecord, definition: ProcessDefinition, user: ActingUser, language l: Domain.Language,
        evidenceFields: ([EvidenceKind]) -> [CaseShow.Action.EvidenceField]
    ) -> (case: [CaseShow.Action], items: [ItemID: [CaseShow.Action]]) {
        func accepts(_ command: CaseCommand) -> Bool {
            var copy = record.state
            if case .success = copy.handle(command, by: user, at: Date(), in: definition) { return true }
            return false
        }
        let phase = record.state.currentPhase
        let caseCommands: [(CaseCommand, CaseShow.Action)] = [
            (.submit, .init(command: .submit, title: l("Skicka in", "Submit"))),
            (.beginTriage, .init(command: .beginTriage, title: l("Påbörja bedömningen", "Begin triage"))),
            (.start, .init(
                command: .start, title: l("Starta arbetet", "Start work"), reason: .optional,
                reasonLabel: l("Skäl att starta utanför köns ordning eller kapacitet (behövs bara då)",
                               "Reason to start against the queue's order or capacity (needed only then)"))),
            (.skipInQueue(reason: "x"), .init(
                command: .skipInQueue, title: l("Hoppa över i kön", "Skip in the queue"), reason: .required)),
            (.completePhase(phase), .init(command: .completePhase, title: l("Slutför fasen", "Complete the phase"),
                                          phase: phase.rawValue)),
            (.resubmit, .init(command: .resubmit, title: l("Skicka in igen", "Resubmit"))),
            (.resume, .init(command: .resume, title: l("Återuppta", "Resume"))),
            (.close, .init(command: .close, title: l("Avsluta ärendet", "Close the case"))),
            (.returnForCompletion(reason: "x"), .init(
                command: .returnForCompletion, title: l("Återsänd för komplettering", "Return for completion"),
                reason: .required)),
            (.putOnHold(reason: "x"), .init(command: .putOnHold, title: l("Gör vilande", "Put on hold"), reason: .required)),
            (.reject(reason: "x"), .init(command: .reject, title: l("Avslå", "Reject"), reason: .required)),
            (.withdraw(reason: nil), .init(command: .withdraw, title: l("Återkalla", "Withdraw"), reason: .optional)),
        ]
        var items: [ItemID: [CaseShow.Action]] = [:]
        for item in definition.phases.first(where: { $0.id == phase })?.items ?? [] {
            let evidence = item.evidence.sorted()
            let id = item.id.rawValue
            let candidates: [(CaseCommand, CaseShow.Action)] = [
                (.tick(item.id, evidence: evidence.map { Evidence($0, "x") }), .init(
                    command: .tick, title: l("Bocka av", "Tick"), item: id,
                    evidence: evidenceFields(evidence))),
                (.decide(item.id, outcome: .approve, reason: nil), .init(
                    command: .decide, title: l("Besluta", "Decide"), item: id, reason: .optional,
                    outcomes: [
                        ("approve", l("Godkänn", "Approve")),
                        ("return_for_completion", l("Återsänd för komplettering", "Return for completion")),
                        ("reject", l("Avslå", "Reject")),
                    ])),
                (.markNotApplicable(item.id, reason: "x"), .init(
                    command: .markNotApplicable, title: l("Ej tillämplig", "Not applicable"), item: id, reason: .required)),
                (.reopen(item.id), .init(command: .reopen, title: l("Öppna igen", "Reopen"), item: id)),
            ]
            items[item.id] = candidates.filter { accepts($0.0) }.map(\.1)
        }
        return (caseCommands.filter { accepts($0.0) }.map(\.1), items)
    }
}
