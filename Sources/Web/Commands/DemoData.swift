import Domain
import Fluent
import Foundation
import Persistence
import Vapor

/// The demo set: a user for every role, two organisations, and cases of BFR and TakeCare in different
/// statuses, made through the same services the product uses (so every step is in the audit trail).
enum DemoData {
    static let password = "anslut-demo-2026"

    struct Person {
        let email: String
        let name: String
        let role: Role
        let platform: String?
        let organisation: (number: String, name: String)?
    }

    static let people: [Person] = [
        Person(email: "anna@vardgivare.example", name: "Anna Andersson", role: .applicant, platform: nil,
               organisation: ("5565594230", "Vårdgivaren Väst AB")),
        Person(email: "bo@privatklinik.example", name: "Bo Berg", role: .applicant, platform: nil,
               organisation: ("5566778899", "Privatkliniken Syd AB")),
        Person(email: "cora@vgregion.example", name: "Cora Carlsson", role: .coordinator, platform: "BFR", organisation: nil),
        Person(email: "tor@regionstockholm.example", name: "Tor Torsson", role: .coordinator, platform: "TAKECARE",
               organisation: nil),
        Person(email: "dag@vgregion.example", name: "Dag Dahl", role: .decisionMaker, platform: "BFR", organisation: nil),
        Person(email: "siv@vgregion.example", name: "Siv Sjöberg", role: .securityReviewer, platform: "BFR", organisation: nil),
        Person(email: "tea@vgregion.example", name: "Tea Teknik", role: .technician, platform: "BFR", organisation: nil),
        Person(email: "ada@anslut.example", name: "Ada Admin", role: .admin, platform: nil, organisation: nil),
    ]

    /// Whether the database already holds users, in which case the demo leaves it alone.
    static func isSeeded(_ db: any Database) async throws -> Bool {
        try await UserModel.query(on: db).count() > 0
    }

    /// Seeds the demo set into an empty database.
    static func seed(_ app: Application) async throws {
        let hash = try await app.password.async.hash(password)
        var principals: [String: Principal] = [:]
        for person in people {
            let registration = try UserRegistration.validate(
                email: person.email, name: person.name, role: person.role.rawValue, platform: person.platform,
                organisationsnummer: person.organisation?.number, knownPlatforms: ["BFR", "TAKECARE"]
            ).get()
            let id = try await app.db.write { tx in
                try await AccountStore.createUser(
                    registration, passwordHash: hash, organisationName: person.organisation?.name, actor: "demo", in: tx)
            }
            principals[person.email] = try await AccountStore.principal(userID: id, on: app.db)
        }
        let demo = Team(app: app, principals: principals)
        try await demo.seedCases()
    }

    /// Runs commands as the demo people.
    struct Team {
        let app: Application
        let principals: [String: Principal]

        func seedCases() async throws {
            let anna = principals["anna@vardgivare.example"]!
            let bo = principals["bo@privatklinik.example"]!
            let cora = principals["cora@vgregion.example"]!
            let tor = principals["tor@regionstockholm.example"]!

            _ = try await create(by: anna, platform: "BFR", fields: ["system_name": "Sectra PACS, Skaraborg"])

            let submitted = try await create(by: anna, platform: "BFR", fields: DemoOrders.bfr(system: "Hjärtultraljud, NU-sjukvården"))
            try await run(.submit, on: submitted, by: anna)

            let triage = try await create(by: anna, platform: "BFR", fields: DemoOrders.bfr(system: "Ögonbilder, Vårdgivaren Väst", risky: true))
            try await run(.submit, on: triage, by: anna)
            try await run(.beginTriage, on: triage, by: cora)
            _ = try await CaseThreads.open(
                .question, item: nil, text: "Finns flödesbeskrivningen (systemskiss) som bilaga? Vi hittar den inte.",
                on: triage, by: cora, in: app.db)

            let working = try await create(by: anna, platform: "BFR", fields: DemoOrders.bfr(system: "Digital patologi, Vårdgivaren Väst"))
            try await run(.submit, on: working, by: anna)
            try await run(.beginTriage, on: working, by: cora)
            try await completeCurrentPhase(of: working)
            try await run(.start, on: working, by: cora)
            try await tickSome(of: working, count: 4)

            let takeCare = try await create(by: bo, platform: "TAKECARE", fields: DemoOrders.takeCare(system: "Labbsystem, Privatkliniken Syd"))
            try await run(.submit, on: takeCare, by: bo)
            try await run(.beginTriage, on: takeCare, by: tor)
        }

        private func create(by principal: Principal, platform: String, fields: [String: String]) async throws -> UUID {
            try await app.db.write { tx in
                try await CaseStore.create(
                    platform: platform, organisation: principal.organisationID!, fields: fields,
                    createdBy: principal.userID, in: tx)
            }.id
        }

        private func run(_ command: CaseCommand, on id: UUID, by principal: Principal) async throws {
            _ = try await CaseService.execute(command, on: id, by: principal, expectedVersion: nil, in: app.db)
        }

        /// The staff member of the case's platform who holds `role`.
        private func staff(_ role: Role, platform: String) -> Principal {
            principals.values.first { $0.grants.contains(RoleGrant(role: role, platform: platform)) }
                ?? principals.values.first { $0.grants.contains(RoleGrant(role: .coordinator, platform: platform)) }!
        }

        /// Ticks every open item of the current phase, has the gate's role approve, and completes the phase.
        private func completeCurrentPhase(of id: UUID) async throws {
            let (record, definition) = try await current(id)
            let coordinator = staff(.coordinator, platform: record.platform)
            guard let phase = definition.phases.first(where: { $0.id == record.state.currentPhase }) else { return }
            for item in phase.items where item.kind != .decision && record.state.itemState(item.id).status == .open {
                try await run(.tick(item.id, evidence: evidence(item)), on: id, by: coordinator)
            }
            for decision in phase.gate.decisions {
                try await run(.decide(decision, outcome: .approve, reason: nil), on: id,
                              by: staff(phase.gate.decisionRole, platform: record.platform))
            }
            try await run(.completePhase(phase.id), on: id, by: coordinator)
        }

        private func tickSome(of id: UUID, count: Int) async throws {
            let (record, definition) = try await current(id)
            let coordinator = staff(.coordinator, platform: record.platform)
            guard let phase = definition.phases.first(where: { $0.id == record.state.currentPhase }) else { return }
            for item in phase.items.filter({ $0.kind != .decision }).prefix(count) {
                try await run(.tick(item.id, evidence: evidence(item)), on: id, by: coordinator)
            }
        }

        private func evidence(_ item: ProcessDefinition.Item) -> [Evidence] {
            item.evidence.sorted { $0.rawValue < $1.rawValue }.map { Evidence($0, "demo") }
        }

        private func current(_ id: UUID) async throws -> (CaseRecord, ProcessDefinition) {
            let record = try await CaseStore.load(id, on: app.db)
            return (record, try await DefinitionStore.definition(record.state.definition, on: app.db))
        }
    }
}
