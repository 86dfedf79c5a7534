import Domain
import Synchronization

/// The `phases` of a case on the wire: its process definition's phases, sections and items, with the case's
/// own values (which phase is current, each item's state) in between. The definition's part is written once
/// per published version (versions never change; see `DefinitionStore.publish`) and kept as a template.
enum CaseProcessJSON {
    /// What a case supplies inside its process's JSON.
    enum Value: Sendable {
        /// `isCurrent` of this phase.
        case isCurrent(PhaseID)
        /// `state` of this item.
        case state(ItemID)
    }

    /// The template of `definition`, published as `reference`, written on first use. The caller names the
    /// reference because `ProcessDefinition.reference` hashes the whole definition each time it is asked.
    static func template(for definition: ProcessDefinition, as reference: DefinitionReference) -> JSONTemplate<Value> {
        if let template = templates.withLock({ $0[reference] }) { return template }
        let template = JSONTemplate<Value> { json, value in write(definition, to: &json, value) }
        templates.withLock { $0[reference] = template }
        return template
    }

    private static let templates = Mutex<[DefinitionReference: JSONTemplate<Value>]>([:])

    /// The phases of `definition`, with `value` writing each value that belongs to a case.
    static func write(
        _ definition: ProcessDefinition, to json: inout JSONWriter, _ value: (inout JSONWriter, Value) -> Void
    ) {
        json.array(definition.phases) { json, phase in
            json.object { json in
                json.key("id")
                json.string(phase.id.rawValue)
                json.key("title")
                json.text(phase.title)
                json.key("isCurrent")
                value(&json, .isCurrent(phase.id))
                json.key("gate")
                json.gate(phase.gate)
                json.key("sections")
                json.array(phase.sections) { json, section in
                    json.object { json in
                        json.key("id")
                        json.string(section.id.rawValue)
                        json.key("title")
                        json.text(section.title)
                        json.key("items")
                        json.array(section.items) { json, item in writeItem(item, to: &json, value) }
                    }
                }
            }
        }
    }

    private static func writeItem(
        _ item: ProcessDefinition.Item, to json: inout JSONWriter, _ value: (inout JSONWriter, Value) -> Void
    ) {
        json.object { json in
            json.members(["id": item.id.rawValue, "kind": item.kind.rawValue, "owner": item.owner.rawValue])
            json.key("text")
            json.text(item.text)
            json.key("required")
            json.bool(item.isRequired)
            json.key("evidence")
            json.array(item.evidence.map(\.rawValue).sorted()) { $0.string($1) }
            json.key("state")
            value(&json, .state(item.id))
        }
    }
}
