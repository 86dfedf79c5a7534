import Domain
import Foundation
import Persistence
import Workflow
import Vapor

/// The demo set: a user for every role on both platforms, two organisations, and cases of BFR and TakeCare in
/// different statuses up to BFR's Del 4 and TakeCare's step 4, made through the same services the product
/// uses (so every step is in the audit trail). Each item is worked by a holder of its owner role, with real
/// evidence: a comment, or a document uploaded to the case.
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
        Person(email: "dora@regionstockholm.example", name: "Dora Dahlgren", role: .decisionMaker, platform: "TAKECARE",
               organisation: nil),
        Person(email: "sara@regionstockholm.example", name: "Sara Säker", role: .securityReviewer, platform: "TAKECARE",
               organisation: nil),
        Person(email: "ted@regionstockholm.example", name: "Ted Tekniksson", role: .technician, platform: "TAKECARE",
               organisation: nil),
        Person(email: "ada@anslut.example", name: "Ada Admin", role: .admin, platform: nil, organisation: nil),
    ]

    /// Whether the database already holds users, in which case the demo leaves it alone.
    static func isSeeded(_ store: Store) async throws -> Bool {
        try await AccountStore.hasUsers(on: store)
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
            let id = try await AccountWorkflow.createUser(
                registration, passwordHash: hash, organisationName: person.organisation?.name,
                by: .commandLine(operator: nil), in: app.store, clock: app.config.clock)
            principals[person.email] = try await AccountStore.principal(userID: id, on: app.store)
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
            _ = try await ThreadWorkflow.open(
                .question, item: nil, text: "Finns flödesbeskrivningen (systemskiss) som bilaga? Vi hittar den inte.",
                on: triage, by: cora, in: app.store, clock: app.config.clock)

            let working = try await create(by: anna, platform: "BFR", fields: DemoOrders.bfr(system: "Digital patologi, Vårdgivaren Väst"))
            try await run(.submit, on: working, by: anna)
            try await run(.beginTriage, on: working, by: cora)
            try await completeCurrentPhase(of: working)
            try await run(.start, on: working, by: cora)
            try await tickSome(of: working, count: 4)
            // The testing checklist done but for the test plan: one open item, for the coordinator to find.
            try await tickSection("del2.test", of: working, except: ["del2.test.testplan"])

            // BFR's Del 4 (Etablering): Del 1 to 3 done, the connection tests under way.
            let establishing = try await create(by: anna, platform: "BFR", fields: DemoOrders.bfr(system: "Mammografi, Vårdgivaren Väst"))
            try await run(.submit, on: establishing, by: anna)
            try await run(.beginTriage, on: establishing, by: cora)
            try await completeCurrentPhase(of: establishing)
            try await run(.start, on: establishing, by: cora)
            try await completeCurrentPhase(of: establishing)
            try await completeCurrentPhase(of: establishing)
            try await tickSome(of: establishing, count: 3)
            // Its verification account, so anyone can point an HL7 tool at the MLLP listener (MSH-3 DEMORIS,
            // MSH-4 DEMOHOSP, MSH-5 BFR, MSH-6 VGR) or a DICOM tool at the DICOM listener (calling AE title
            // DEMOMOD or DEMOCT, called AE title ANSLUT) and watch the test session fill.
            _ = try await SystemAccountWorkflow.register(
                .init(hl7SendingApplication: "DEMORIS", hl7SendingFacility: "DEMOHOSP", sourceAddresses: [],
                      dicomAETitles: ["DEMOMOD", "DEMOCT"]),
                on: establishing, by: principals["tea@vgregion.example"]!, in: app.store, clock: app.config.clock)

            let takeCare = try await create(by: bo, platform: "TAKECARE", fields: DemoOrders.takeCare(system: "Labbsystem, Privatkliniken Syd"))
            try await run(.submit, on: takeCare, by: bo)
            try await run(.beginTriage, on: takeCare, by: tor)

            // TakeCare's step 4 (testing): steps 1 to 3 done.
            let testing = try await create(by: bo, platform: "TAKECARE", fields: DemoOrders.takeCare(system: "Röntgen, Privatkliniken Syd"))
            try await run(.submit, on: testing, by: bo)
            try await run(.beginTriage, on: testing, by: tor)
            try await completeCurrentPhase(of: testing)
            try await run(.start, on: testing, by: tor)
            try await completeCurrentPhase(of: testing)
            try await completeCurrentPhase(of: testing)
            try await tickSome(of: testing, count: 2)

            // BFR's queue: three assessed cases waiting to start; the last one submitted scores highest, and the
            // one submitted first was re-assessed down once the coordinator had read its attachments.
            let bfrQueue = try await queuedCases(platform: "BFR", [
                (anna, "Tandröntgen, Vårdgivaren Väst", 40, [0, 1, 2, 1]),
                (bo, "Endoskopi, Privatkliniken Syd", 600, [0, 3, 2, 2]),
                (anna, "Strålbehandling, Vårdgivaren Väst", 320, [4, 4, 3, 3]),
            ])
            try await assess(bfrQueue[0], scores: [0, 1, 1, 1],
                             reason: "Bilagorna visar att bilderna redan nås via en annan tjänst; mindre nytta än beskrivet.")
            // TakeCare's queue: two cases of its own, in reverse order of submission.
            _ = try await queuedCases(platform: "TAKECARE", [
                (bo, "Fysioterapi, Privatkliniken Syd", 85, [0, 1, 2, 1]),
                (bo, "Akutlab, Privatkliniken Syd", 85, [4, 4, 3, 2]),
            ])
        }

        private func create(by principal: Principal, platform: String, fields: [String: String]) async throws -> UUID {
            try await CaseWorkflow.create(platform: platform, fields: fields, by: principal, in: app.store, clock: app.config.clock).id
        }

        private func run(_ command: CaseCommand, on id: UUID, by principal: Principal) async throws {
            _ = try await CaseWorkflow.run(command, on: id, by: principal, expectedVersion: nil, in: app.store, clock: app.config.clock)
        }

        /// Has the platform's coordinator assess the case: with `scores` (lagkrav, patientsäkerhet, verksamhetsnytta,
        /// ökad informationssäkerhet), or as the applicant proposed. Returns the assessment's id.
        @discardableResult
        private func assess(_ id: UUID, scores: [Int]?, reason: String? = nil) async throws -> UUID {
            let (record, _) = try await current(id)
            guard let matrix = try await MatrixStore.current(platform: record.platform, on: app.store) else {
                throw CommandExit(status: 1, message: "No assessment matrix for \(record.platform).")
            }
            let proposed = matrix.proposal(from: record.fields).scores
            let given = scores.map { Dictionary(uniqueKeysWithValues: zip(matrix.criteria.map(\.id), $0)) } ?? proposed
            let rationales = Dictionary(uniqueKeysWithValues: matrix.criteria.map { criterion in
                (criterion.id, given[criterion.id] == proposed[criterion.id]
                    ? "Som sökanden föreslog; beskrivningen stöder betyget."
                    : "Justerat från sökandens förslag \(proposed[criterion.id].map(String.init) ?? "–") efter genomgång av beskrivningen.")
            })
            let input = AssessmentInput(
                scores: given, rationales: rationales, employees: nil,
                notes: ["resursatgang": "Ungefär tre veckors arbete för integrationsteamet."], reason: reason)
            let history = try await AssessmentStore.history(of: id, on: app.store)
            return try await AssessmentWorkflow.assess(
                input, of: id, basedOn: history.last?.sequence ?? 0, by: worker(.coordinator, of: record), in: app.store,
                clock: app.config.clock
            ).id
        }

        /// Cases of `platform` that are assessed and queued, created in the order given and scored so that the
        /// queue's order differs from the order they were submitted in.
        private func queuedCases(
            platform: String, _ cases: [(applicant: Principal, system: String, employees: Int, scores: [Int])]
        ) async throws -> [UUID] {
            var ids: [UUID] = []
            for demo in cases {
                let applicant = demo.applicant
                let fields = platform == "BFR"
                    ? DemoOrders.bfr(system: demo.system, employees: demo.employees)
                    : DemoOrders.takeCare(system: demo.system, employees: demo.employees)
                let id = try await create(by: applicant, platform: platform, fields: fields)
                try await run(.submit, on: id, by: applicant)
                try await run(.beginTriage, on: id, by: worker(.coordinator, of: try await current(id).0))
                try await assess(id, scores: demo.scores)
                try await completeCurrentPhase(of: id)
                ids.append(id)
            }
            return ids
        }

        /// Who works an item of the case as its owner: the case's applicant, or the platform's staff member
        /// holding the role.
        private func worker(_ role: Role, of record: CaseRecord) -> Principal {
            if role == .applicant {
                return principals.values.first { $0.organisationID == record.organisationID && $0.holds(.applicant) }!
            }
            return principals.values.first { $0.grants.contains(RoleGrant(role: role, platform: record.platform)) }!
        }

        /// Has every open item of the current phase worked by its owner, the gate's role approve, and the
        /// coordinator complete the phase.
        private func completeCurrentPhase(of id: UUID) async throws {
            let (record, definition) = try await current(id)
            guard let phase = definition.phases.first(where: { $0.id == record.state.currentPhase }) else { return }
            for item in phase.items where item.kind != .decision && record.state.itemState(item.id).status == .open {
                try await tick(item, on: record)
            }
            for decision in phase.gate.decisions {
                try await run(.decide(decision, outcome: .approve, reason: nil), on: id,
                              by: worker(phase.gate.decisionRole, of: record))
            }
            try await run(.completePhase(phase.id), on: id, by: worker(.coordinator, of: record))
        }

        private func tickSome(of id: UUID, count: Int) async throws {
            let (record, definition) = try await current(id)
            guard let phase = definition.phases.first(where: { $0.id == record.state.currentPhase }) else { return }
            for item in phase.items.filter({ $0.kind != .decision }).prefix(count) {
                try await tick(item, on: record)
            }
        }

        private func tickSection(_ section: String, of id: UUID, except skipped: Set<ItemID>) async throws {
            let (record, definition) = try await current(id)
            let items = definition.phases.flatMap(\.sections).first { $0.id.rawValue == section }?.items ?? []
            for item in items where !skipped.contains(item.id) && record.state.itemState(item.id).status == .open {
                try await tick(item, on: try await current(id).0)
            }
        }

        /// Ticks `item` as its owner, with the evidence it asks for: a comment, or a document uploaded to the
        /// case for the purpose (a test protocol where one is asked for).
        private func tick(_ item: ProcessDefinition.Item, on record: CaseRecord) async throws {
            let owner = worker(item.owner, of: record)
            var evidence: [Evidence] = []
            for kind in item.evidence.sorted() {
                switch kind {
                case .comment:
                    evidence.append(Evidence(.comment, "Genomgånget med leverantören; se mötesanteckningarna."))
                case .attachment:
                    evidence.append(Evidence(.attachment, try await upload(.other, "Underlag \(item.id).pdf", on: record, by: owner)))
                case .testProtocol:
                    evidence.append(Evidence(.testProtocol, try await upload(.testProtocol, "Testprotokoll.pdf", on: record, by: owner)))
                case .assessment:
                    let history = try await AssessmentStore.history(of: record.id, on: app.store)
                    let id = if let last = history.last { last.id } else { try await assess(record.id, scores: nil) }
                    evidence.append(Evidence(.assessment, id.uuidString))
                }
            }
            try await run(.tick(item.id, evidence: evidence), on: record.id, by: owner)
        }

        /// A one-page PDF stored on the case; returns its document id.
        private func upload(_ kind: DocumentKind, _ name: String, on record: CaseRecord, by principal: Principal) async throws -> String {
            let pdf = Data("%PDF-1.4\n% Anslut demo: \(name)\n%%EOF\n".utf8)
            let document = try await DocumentWorkflow.upload(
                kind: kind.rawValue, fileName: name, data: pdf, on: record.id, by: principal,
                maximumSize: app.config.maxUploadBytes, blobs: BlobStore(dataDirectory: app.config.dataDirectory), fileWork: app.fileWork, in: app.store, clock: app.config.clock)
            return document.id.uuidString
        }

        private func current(_ id: UUID) async throws -> (CaseRecord, ProcessDefinition) {
            let record = try await CaseStore.load(id, on: app.store)
            return (record, try await DefinitionStore.definition(record.state.definition, on: app.store))
        }
    }
}
