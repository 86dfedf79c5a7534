import Domain
import Fluent
import Persistence
import Vapor

/// A case on the wire: its fields, status, the process with every item's state, and its decisions.
struct CaseDTO: Content {
    struct OrganisationRef: Content {
        let id: UUID
        let name: String
    }

    struct PhaseDTO: Content {
        let id: String
        let title: LocalizedText
        let isCurrent: Bool
        let gate: GateRule
        let sections: [SectionDTO]
    }

    struct SectionDTO: Content {
        let id: String
        let title: LocalizedText
        let items: [ItemDTO]
    }

    struct ItemDTO: Content {
        let id: String
        let text: LocalizedText
        let kind: String
        let owner: String
        let required: Bool
        let evidence: [String]
        let state: ItemState
    }

    let id: UUID
    let number: String
    let platform: String
    let organisation: OrganisationRef
    let status: CaseStatus
    let resumeStatus: CaseStatus?
    let currentPhase: String
    /// Send it back with the next change; a stale one gets 409.
    let version: Int
    let definition: DefinitionReference
    let fields: [String: String]
    let phases: [PhaseDTO]
    let decisions: [Decision]
    /// The roles the caller holds on this case.
    let yourRoles: [Role]
    let createdAt: Date
    let updatedAt: Date

    init(_ record: CaseRecord, definition: ProcessDefinition, for principal: Principal) {
        id = record.id
        number = record.number
        platform = record.platform
        organisation = OrganisationRef(id: record.organisationID, name: record.organisationName)
        status = record.state.status
        resumeStatus = record.state.resumeStatus
        currentPhase = record.state.currentPhase.rawValue
        version = record.state.version
        self.definition = record.state.definition
        fields = record.fields
        phases = definition.phases.map { phase in
            PhaseDTO(
                id: phase.id.rawValue, title: phase.title, isCurrent: phase.id == record.state.currentPhase,
                gate: phase.gate,
                sections: phase.sections.map { section in
                    SectionDTO(
                        id: section.id.rawValue, title: section.title,
                        items: section.items.map { item in
                            ItemDTO(
                                id: item.id.rawValue, text: item.text, kind: item.kind.rawValue,
                                owner: item.owner.rawValue, required: item.isRequired,
                                evidence: item.evidence.map(\.rawValue).sorted(),
                                state: record.state.itemState(item.id))
                        })
                })
        }
        decisions = record.decisions
        yourRoles = principal.roles(
            onCaseOf: record.platform, organisation: record.organisationID, status: record.state.status)
            .sorted { $0.rawValue < $1.rawValue }
        createdAt = record.createdAt
        updatedAt = record.updatedAt
    }

    static func make(_ record: CaseRecord, for principal: Principal, on db: any Database) async throws -> CaseDTO {
        CaseDTO(record, definition: try await DefinitionStore.definition(record.state.definition, on: db), for: principal)
    }
}

/// One line of a case list.
struct CaseSummaryDTO: Content {
    let id: UUID
    let number: String
    let platform: String
    let organisationID: UUID
    let status: CaseStatus
    let currentPhase: String
    let systemName: String?
    let version: Int
    let updatedAt: Date

    init(_ summary: CaseStore.Summary) {
        id = summary.id
        number = summary.number
        platform = summary.platform
        organisationID = summary.organisationID
        status = summary.status
        currentPhase = summary.currentPhase
        systemName = summary.systemName
        version = summary.version
        updatedAt = summary.updatedAt
    }
}

struct CaseListDTO: Content {
    let items: [CaseSummaryDTO]
    let limit: Int
    let offset: Int
}
