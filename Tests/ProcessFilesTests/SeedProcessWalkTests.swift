import Domain
import Foundation
import ProcessFiles
import Testing

/// Walks a case through each real process at the engine level: BFR from draft to production, TakeCare
/// through all six steps, showing on the way that gates, decision roles and return for completion hold.
@Suite struct SeedProcessWalkTests {
    @Test func bfrFromDraftToProduction() throws {
        var walk = try Walk("bfr.yaml")

        try walk.run(.submit, as: .applicant)
        try walk.run(.beginTriage, as: .coordinator)
        #expect(walk.state.currentPhase == "del1")
        try walk.workCurrentPhase()
        try walk.run(.completePhase("del1"), as: .coordinator)
        #expect(walk.state.status == .queued)
        try walk.run(.start, as: .coordinator)

        // Del 2: connection types not chosen are marked not applicable, with a reason.
        try walk.workCurrentPhase(notApplicable: ["del2.rattning.xds": "Ingen XDS-anslutning beställd"])
        try walk.run(.completePhase("del2"), as: .coordinator)

        // Del 3: the gate stays shut while an item is open; a coordinator cannot take the decision.
        #expect(walk.refusal(.completePhase("del3"), as: .coordinator)?.code == .gateOpenItems)
        let coordinatorDecides = walk.refusal(.decide("del3.beslut.anslutning-godkand", outcome: .approve, reason: nil), as: .coordinator)
        #expect(coordinatorDecides?.code == .missingRole)
        try walk.run(.decide("del3.beslut.anslutning-godkand", outcome: .returnForCompletion, reason: "Finansieringen saknas"), as: .decisionMaker)
        #expect(walk.state.status == .returnedForCompletion)
        try walk.run(.resubmit, as: .applicant)
        #expect(walk.state.status == .inProgress)
        #expect(walk.state.currentPhase == "del3")
        try walk.workCurrentPhase()
        try walk.run(.completePhase("del3"), as: .coordinator)

        try walk.workCurrentPhase(notApplicable: ["del4.produktion.tidigare-integration": "Ingen tidigare integration"])
        try walk.run(.completePhase("del4"), as: .coordinator)

        #expect(walk.state.status == .inProduction)
        #expect(walk.definition.phases.allSatisfy { walk.state.openRequiredItems(in: $0).isEmpty })
    }

    @Test func takeCareThroughAllSixSteps() throws {
        var walk = try Walk("takecare.yaml")
        var statuses: [PhaseID: CaseStatus] = [:]

        try walk.run(.submit, as: .applicant)
        try walk.run(.beginTriage, as: .coordinator)
        statuses["steg1"] = walk.state.status
        try walk.workCurrentPhase()
        try walk.run(.completePhase("steg1"), as: .coordinator)
        #expect(walk.state.status == .queued)
        try walk.run(.start, as: .coordinator)

        for step in ["steg2", "steg3", "steg4", "steg5", "steg6"] as [PhaseID] {
            #expect(walk.state.currentPhase == step)
            statuses[step] = walk.state.status
            if step == "steg3" {
                // The security review's outcome is the security reviewer's, not a decision maker's.
                let decisionMakerDecides = walk.refusal(.decide("steg3.granskning.godkand", outcome: .approve, reason: nil), as: .decisionMaker)
                #expect(decisionMakerDecides?.code == .missingRole)
            }
            if step == "steg5" {
                let withoutProtocol = walk.refusal(.tick("steg5.underlag.testprotokoll", evidence: []), as: .applicant)
                #expect(withoutProtocol?.code == .evidenceMissing)
            }
            try walk.workCurrentPhase(notApplicable: [
                "steg3.underlag.compliance": "Ingen compliance-genomgång gjord",
                "steg4.anslutning.rtp-avtal": "Ingen anslutning till RTP",
                "steg6.driftsattning.takning": "Ingen RTP-koppling",
            ])
            try walk.run(.completePhase(step), as: .coordinator)
        }

        #expect(statuses == ["steg1": .triage, "steg2": .inProgress, "steg3": .inProgress, "steg4": .inProgress, "steg5": .inProgress, "steg6": .inProgress])
        #expect(walk.state.status == .inProduction)
        try walk.run(.close, as: .coordinator)
        #expect(walk.state.status == .closed)
    }

    @Test func bothProcessFilesLoadFromTheFolder() throws {
        let definitions = try ProcessDefinitionLoader.loadFolder(RepositoryFiles.processes)

        #expect(definitions.map(\.id) == ["bfr", "takecare"])
        #expect(definitions.map(\.platform) == ["BFR", "TAKECARE"])
        #expect(definitions.map(\.version) == [4, 5])
        #expect(Set(definitions.map(\.contentHash)).count == 2)
    }

    @Test("the test steps that a test protocol proves take one as evidence (TakeCare from version 4)")
    func testStepsTakeTestProtocols() throws {
        let definitions = try ProcessDefinitionLoader.loadFolder(RepositoryFiles.processes)
        let items = definitions.flatMap { $0.phases.flatMap(\.items) }
        for id in ["del4.test.anslutningstester", "steg4.anslutning.testning", "steg5.underlag.testprotokoll"] {
            let item = try #require(items.first { $0.id.rawValue == id })
            #expect(item.evidence == [.testProtocol], "\(id)")
        }
    }
}

/// A case on a real process definition, driven one command at a time by users holding one role each.
struct Walk {
    let definition: ProcessDefinition
    var state: CaseState
    private var clock = Date(timeIntervalSince1970: 1_800_000_000)

    init(_ file: String) throws {
        definition = try ProcessDefinitionLoader.load(contentsOf: RepositoryFiles.process(file))
        state = CaseState(draft: definition)
    }

    static func user(_ role: Role) -> ActingUser {
        ActingUser(id: role.rawValue, roles: [role])
    }

    mutating func run(_ command: CaseCommand, as role: Role) throws {
        clock += 60
        _ = try state.handle(command, by: Self.user(role), at: clock, in: definition).get()
    }

    func refusal(_ command: CaseCommand, as role: Role) -> CaseRefusal? {
        var copy = state
        if case .failure(let refusal) = copy.handle(command, by: Self.user(role), at: clock, in: definition) {
            return refusal
        }
        return nil
    }

    /// Ticks every open item of the current phase as its owner, with the evidence it asks for, marks the
    /// listed ones not applicable instead, and approves its decisions as the gate's decision role.
    mutating func workCurrentPhase(notApplicable: [ItemID: String] = [:]) throws {
        let phase = try #require(definition.phases.first { $0.id == state.currentPhase })
        for item in phase.items where state.itemState(item.id).status == .open {
            if item.kind == .decision {
                try run(.decide(item.id, outcome: .approve, reason: "Godkänt"), as: phase.gate.decisionRole)
            } else if let reason = notApplicable[item.id] {
                try run(.markNotApplicable(item.id, reason: reason), as: item.owner)
            } else {
                let evidence = item.evidence.sorted().map { Evidence($0, "\(item.id)-\($0.rawValue)") }
                try run(.tick(item.id, evidence: evidence), as: item.owner)
            }
        }
    }
}
