import Domain
import Foundation

/// A small process with every shape the engine cares about: an intake phase with a decision maker's
/// decision, a work phase whose gate belongs to the security reviewer and whose items ask for evidence,
/// an optional item, and a last phase.
enum ProcessFixture {
    static let definition = ProcessDefinition(
        id: "demo",
        platform: "DEMO",
        version: 1,
        title: text("Demoprocess", "Demo process"),
        phases: [
            .init(id: "intake", title: text("Intag", "Intake"), gate: GateRule(decisions: ["intake.go"]), sections: [
                .init(id: "intake.checks", title: text("Kontroller", "Checks"), items: [
                    .init(id: "intake.complete", text: text("Komplett", "Complete"), owner: .coordinator),
                    .init(id: "intake.area", text: text("Område angivet", "Area stated"), owner: .coordinator),
                    .init(id: "intake.go", text: text("Godkänd", "Approved"), kind: .decision, owner: .decisionMaker),
                ]),
            ]),
            .init(
                id: "work",
                title: text("Arbete", "Work"),
                gate: GateRule(decisionRole: .securityReviewer, decisions: ["work.approved"]),
                sections: [
                    .init(id: "work.items", title: text("Punkter", "Items"), items: [
                        .init(id: "work.sad", text: text("SAD", "SAD"), kind: .document, owner: .applicant, evidence: [.attachment]),
                        .init(id: "work.tested", text: text("Testat", "Tested"), owner: .technician, evidence: [.testProtocol, .comment]),
                        .init(id: "work.optional", text: text("Frivilligt", "Optional"), owner: .applicant, isRequired: false),
                        .init(id: "work.approved", text: text("Granskat", "Reviewed"), kind: .decision, owner: .securityReviewer),
                    ]),
                ]
            ),
            .init(id: "golive", title: text("Driftsättning", "Go-live"), sections: [
                .init(id: "golive.items", title: text("Punkter", "Items"), items: [
                    .init(id: "golive.deployed", text: text("Driftsatt", "Deployed"), owner: .technician),
                ]),
            ]),
        ]
    )

    /// The same process published again as version 2, unchanged otherwise.
    static let nextVersion: ProcessDefinition = {
        var next = definition
        next.version = 2
        return next
    }()

    static let applicant = ActingUser(id: "anna", roles: [.applicant])
    static let coordinator = ActingUser(id: "carl", roles: [.coordinator])
    static let decisionMaker = ActingUser(id: "disa", roles: [.decisionMaker])
    static let securityReviewer = ActingUser(id: "sara", roles: [.securityReviewer])
    static let technician = ActingUser(id: "tore", roles: [.technician])
    static let admin = ActingUser(id: "ada", roles: [.admin])
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    /// A user holding exactly one role.
    static func user(_ role: Role) -> ActingUser {
        switch role {
        case .applicant: applicant
        case .coordinator: coordinator
        case .decisionMaker: decisionMaker
        case .securityReviewer: securityReviewer
        case .technician: technician
        case .admin: admin
        }
    }

    static func text(_ sv: String, _ en: String) -> LocalizedText {
        LocalizedText(sv: sv, en: en)
    }

    /// One piece of evidence of each kind the item asks for.
    static func evidence(for item: ItemID, in definition: ProcessDefinition = definition) -> [Evidence] {
        (definition.item(item)?.evidence ?? []).sorted().map { Evidence($0, "ref-\(item)-\($0.rawValue)") }
    }

    /// Applies a command that must be accepted.
    @discardableResult
    static func run(
        _ state: inout CaseState,
        _ command: CaseCommand,
        by user: ActingUser,
        in definition: ProcessDefinition = definition
    ) throws -> [CaseAction] {
        try state.handle(command, by: user, at: now, in: definition).get()
    }

    /// A case brought to `status` through the engine's own commands.
    ///
    /// In triage, `intake.complete` is done and `intake.area` and the decision `intake.go` are open; in
    /// progress, `work.sad` is done and the rest of the work phase is open. With `gateReady`, the current
    /// phase's required items are all done instead, so it can be completed. Cases on hold or returned for
    /// completion come from `in_progress`.
    static func caseIn(_ status: CaseStatus, gateReady: Bool = false) throws -> CaseState {
        var state = CaseState(draft: definition)
        switch status {
        case .draft:
            break
        case .submitted:
            try run(&state, .submit, by: applicant)
        case .triage:
            try reachTriage(&state, gateReady: gateReady)
        case .queued:
            try reachTriage(&state, gateReady: true)
            try run(&state, .completePhase("intake"), by: coordinator)
        case .inProgress:
            try reachWork(&state, gateReady: gateReady)
        case .returnedForCompletion:
            try reachWork(&state, gateReady: gateReady)
            try run(&state, .returnForCompletion(reason: "Bifoga SAD"), by: coordinator)
        case .onHold:
            try reachWork(&state, gateReady: gateReady)
            try run(&state, .putOnHold(reason: "Semester"), by: coordinator)
        case .inProduction:
            try reachProduction(&state)
        case .closed:
            try reachProduction(&state)
            try run(&state, .close, by: coordinator)
        case .rejected:
            try run(&state, .submit, by: applicant)
            try run(&state, .reject(reason: "Utanför uppdraget"), by: decisionMaker)
        case .withdrawn:
            try run(&state, .withdraw(reason: nil), by: applicant)
        }
        return state
    }

    private static func reachTriage(_ state: inout CaseState, gateReady: Bool) throws {
        try run(&state, .submit, by: applicant)
        try run(&state, .beginTriage, by: coordinator)
        try run(&state, .tick("intake.complete", evidence: []), by: coordinator)
        if gateReady {
            try run(&state, .tick("intake.area", evidence: []), by: coordinator)
            try run(&state, .decide("intake.go", outcome: .approve, reason: nil), by: decisionMaker)
        }
    }

    private static func reachWork(_ state: inout CaseState, gateReady: Bool) throws {
        try reachTriage(&state, gateReady: true)
        try run(&state, .completePhase("intake"), by: coordinator)
        try run(&state, .start, by: coordinator)
        try run(&state, .tick("work.sad", evidence: evidence(for: "work.sad")), by: applicant)
        if gateReady {
            try run(&state, .tick("work.tested", evidence: evidence(for: "work.tested")), by: technician)
            try run(&state, .decide("work.approved", outcome: .approve, reason: "Inga fynd"), by: securityReviewer)
        }
    }

    private static func reachProduction(_ state: inout CaseState) throws {
        try reachWork(&state, gateReady: true)
        try run(&state, .completePhase("work"), by: coordinator)
        try run(&state, .tick("golive.deployed", evidence: []), by: technician)
        try run(&state, .completePhase("golive"), by: coordinator)
    }
}

extension Result where Failure == CaseRefusal {
    /// The refusal, or `nil` when the command was accepted.
    var failureValue: CaseRefusal? {
        if case .failure(let refusal) = self { refusal } else { nil }
    }

    /// The refusal's code, or `nil` when the command was accepted.
    var refusalCode: CaseRefusal.Code? {
        failureValue?.code
    }
}
