import Domain

// The domain values inside API answers, written with the keys of their `Codable` conformances in camelCase
// (a test compares the two through `APIKeys.encoder`), so that a case reads the same whether it came from
// `JSONWriter` or from `JSONEncoder`.

extension JSONWriter {
    mutating func text(_ text: LocalizedText) {
        object { $0.members(["sv": text.sv, "en": text.en]) }
    }

    mutating func gate(_ gate: GateRule) {
        object { json in
            json.key("decisionRole")
            json.string(gate.decisionRole.rawValue)
            json.key("decisions")
            json.array(gate.decisions) { $0.string($1.rawValue) }
        }
    }

    mutating func definition(_ reference: DefinitionReference) {
        object { json in
            json.key("id")
            json.string(reference.id.rawValue)
            json.key("version")
            json.int(reference.version)
            json.key("contentHash")
            json.string(reference.contentHash)
        }
    }

    mutating func itemState(_ state: ItemState) {
        object { json in
            json.key("status")
            json.string(state.status.rawValue)
            if let changedBy = state.changedBy {
                json.key("changedBy")
                json.string(changedBy)
            }
            if let changedAt = state.changedAt {
                json.key("changedAt")
                json.date(changedAt)
            }
            if let reason = state.reason {
                json.key("reason")
                json.string(reason)
            }
            json.key("evidence")
            json.array(state.evidence) { json, evidence in
                json.object { $0.members(["kind": evidence.kind.rawValue, "reference": evidence.reference]) }
            }
        }
    }

    mutating func decision(_ decision: Decision) {
        object { json in
            json.members([
                "item": decision.item.rawValue, "outcome": decision.outcome.rawValue, "decidedBy": decision.decidedBy,
            ])
            json.key("decidedAt")
            json.date(decision.decidedAt)
            if let reason = decision.reason {
                json.key("reason")
                json.string(reason)
            }
        }
    }
}
