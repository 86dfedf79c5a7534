import Domain
import Persistence

/// Publishing process definitions: all or nothing, each new version audited.
public enum DefinitionWorkflow {
    /// Stores each definition whose id and version are new; an unchanged one is left as it is, a changed one
    /// under an old version refuses the whole publication (`DefinitionStore.Conflict`). Returns the new ones.
    @discardableResult
    public static func publish(
        _ definitions: [ProcessDefinition], by actor: AuditActor, in store: Store, clock: any WallClock
    ) async throws -> [ProcessDefinition] {
        try await store.write(clock: clock) { tx in
            var published: [ProcessDefinition] = []
            for definition in definitions where try await DefinitionStore.insert(definition, in: tx) {
                let reference = definition.reference
                try await tx.audit(AuditEventDraft(
                    actor: actor, action: .processPublish, subject: "process:\(reference.id.rawValue)",
                    payload: [
                        "version": .int(Int64(reference.version)), "hash": .string(reference.contentHash),
                        "platform": .string(definition.platform),
                    ]))
                published.append(definition)
            }
            for definition in definitions {
                try await PlatformWorkflow.ensurePlatform(definition, by: actor, in: tx)
            }
            return published
        }
    }
}
