import Domain
import Foundation
import Persistence
import Workflow
import Vapor

/// `anslut process …`: process definitions and the cases that follow them.
struct ProcessCommands: AsyncCommandGroup {
    var commands: [String: any AnyAsyncCommand] { ["migrate": ProcessMigrateCommand()] }
    var help: String { "Move cases between process definition versions." }
}

/// `anslut process migrate CASE --to VERSION`: moves one case to another published version of its process,
/// keeping the states of items whose ids survive, and lists what was dropped. Audited as done by `cli`.
struct ProcessMigrateCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "case", help: "Case number (BFR-2026-0001) or id.") var caseReference: String
        @Option(name: "to", help: "The definition version to move to.") var to: Int?
        init() {}
    }

    var help: String { "Moves a case to another version of its process definition." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.prepareStorage()
        guard let to = signature.to else { throw CommandExit(status: 2, message: "--to VERSION is required.") }
        guard let caseID = try await CaseStore.id(forReference: signature.caseReference, on: app.store) else {
            throw CommandExit(status: 1, message: "No case \(signature.caseReference).")
        }
        let record = try await CaseStore.load(caseID, on: app.store)
        let definitionID = record.state.definition.id.rawValue
        guard let target = try await DefinitionStore.versions(of: definitionID, on: app.store).first(where: { $0.version == to })
        else {
            throw CommandExit(status: 1, message: "Version \(to) of \(definitionID) is not published.")
        }
        do {
            let moved = try await CaseWorkflow.run(
                .migrate(to: target), on: caseID, by: .commandLine, expectedVersion: nil, in: app.store, clock: app.config.clock)
            let dropped = try await AuditLog.events(about: record.subject, on: app.store).last
                .flatMap { try? JSONDecoder().decode(CanonicalJSON.self, from: Data($0.payload.utf8)) }
                .map(Self.droppedItems) ?? []
            context.console.print(
                "Moved \(record.number) from \(record.state.definition) to \(moved.state.definition);"
                    + " now in phase \(moved.state.currentPhase.rawValue).")
            context.console.print(dropped.isEmpty ? "No item states dropped." : "Dropped item states: " + dropped.joined(separator: ", "))
        } catch let refused as CaseRefused {
            throw CommandExit(status: 1, message: "\(refused.refusal.message.en) / \(refused.refusal.message.sv)")
        }
    }

    private static func droppedItems(_ payload: CanonicalJSON) -> [String] {
        guard case .object(let members) = payload, case .array(let changes)? = members["changes"] else { return [] }
        for change in changes {
            if case .object(let change) = change, case .object(let migrated)? = change["migrated"],
               case .array(let dropped)? = migrated["dropped"]
            {
                return dropped.compactMap { if case .string(let id) = $0 { id } else { nil } }
            }
        }
        return []
    }
}

extension Principal {
    /// The operator at the command line, who acts as an admin.
    static let commandLine = Principal(
        userID: UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)), email: "cli", organisationID: nil,
        grants: [RoleGrant(role: .admin)])
}
