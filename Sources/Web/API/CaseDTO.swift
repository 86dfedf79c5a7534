import Domain
import Persistence
import Vapor

/// A case on the wire: its fields, status, the process with every item's state, and its decisions.
/// Written by hand (`JSONWriter`): it is the API's most requested answer and its largest.
struct CaseDTO: JSONWritable {
    let record: CaseRecord
    let definition: ProcessDefinition
    /// The roles the caller holds on this case.
    let yourRoles: [Role]
    private let process: JSONTemplate<CaseProcessJSON.Value>

    init(_ record: CaseRecord, definition: ProcessDefinition, for principal: Principal) {
        self.record = record
        self.definition = definition
        yourRoles = principal.roles(
            onCaseOf: record.platform, organisation: record.organisationID, status: record.state.status)
            .sorted { $0.rawValue < $1.rawValue }
        process = CaseProcessJSON.template(for: definition, as: record.state.definition)
    }

    static func make(_ record: CaseRecord, for principal: Principal, on store: Store) async throws -> CaseDTO {
        CaseDTO(record, definition: try await DefinitionStore.definition(record.state.definition, on: store), for: principal)
    }

    // The process is most of it; the order's fields and the item states' values are the rest.
    var expectedSize: Int { process.byteCount + 16 * 1024 }

    func write(to json: inout JSONWriter) {
        let state = record.state
        json.object { json in
            json.key("id")
            json.uuid(record.id)
            json.members(["number": record.number, "platform": record.platform])
            json.key("organisation")
            json.object { json in
                json.key("id")
                json.uuid(record.organisationID)
                json.key("name")
                json.string(record.organisationName)
            }
            json.key("status")
            json.string(state.status.rawValue)
            if let resumeStatus = state.resumeStatus {
                json.key("resumeStatus")
                json.string(resumeStatus.rawValue)
            }
            json.key("currentPhase")
            json.string(state.currentPhase.rawValue)
            // Send it back with the next change; a stale one gets 409.
            json.key("version")
            json.int(state.version)
            json.key("definition")
            json.definition(state.definition)
            json.key("fields")
            json.object { json in
                for name in record.fields.keys.sorted() {
                    json.key(name)
                    json.string(record.fields[name]!)
                }
            }
            // Answers of the order that signal a risk, for the coordinator's eye.
            json.key("risks")
            json.array(definition.form.risks(record.fields)) { json, risk in
                json.object { json in
                    json.key("field")
                    json.string(risk.field.id)
                    json.key("text")
                    json.text(risk.text)
                }
            }
            json.key("phases")
            json.template(process) { json, value in
                write(value, to: &json)
            }
            json.key("decisions")
            json.array(record.decisions) { $0.decision($1) }
            json.key("yourRoles")
            json.array(yourRoles) { $0.string($1.rawValue) }
            json.key("createdAt")
            json.date(record.createdAt)
            json.key("updatedAt")
            json.date(record.updatedAt)
        }
    }

    /// One value of this case inside its process's JSON.
    private func write(_ value: CaseProcessJSON.Value, to json: inout JSONWriter) {
        switch value {
        case .isCurrent(let phase): json.bool(phase == record.state.currentPhase)
        case .state(let item): json.itemState(record.state.itemState(item))
        }
    }
}

/// A page of a case list, newest change first; each line without item states.
struct CaseListDTO: JSONWritable {
    let items: [CaseStore.Summary]
    let limit: Int
    let offset: Int

    func write(to json: inout JSONWriter) {
        json.object { json in
            json.key("items")
            json.array(items) { json, summary in
                json.object { json in
                    json.key("id")
                    json.uuid(summary.id)
                    json.members(["number": summary.number, "platform": summary.platform])
                    json.key("organisationID")
                    json.uuid(summary.organisationID)
                    json.members(["status": summary.status.rawValue, "currentPhase": summary.currentPhase])
                    if let systemName = summary.systemName {
                        json.key("systemName")
                        json.string(systemName)
                    }
                    json.key("version")
                    json.int(summary.version)
                    json.key("updatedAt")
                    json.date(summary.updatedAt)
                }
            }
            json.key("limit")
            json.int(limit)
            json.key("offset")
            json.int(offset)
        }
    }
}
