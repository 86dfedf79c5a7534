import Domain
import Foundation
import Persistence

/// Platforms as rows of their own: made from the process files when first published, their settings edited
/// by an admin. Every change is audited under `platform:<code>`, so a platform's history is its audit events.
public enum PlatformWorkflow {
    /// The audit subject of a platform.
    public static func subject(_ code: String) -> String { "platform:\(code)" }

    /// Makes the row of `definition`'s platform when it has none, named by the process's Swedish title.
    static func ensurePlatform(_ definition: ProcessDefinition, by actor: AuditActor, in tx: WriteTransaction) async throws {
        guard try await PlatformStore.platform(definition.platform, on: tx.store) == nil else { return }
        let settings = PlatformSettings(name: definition.title.sv, contactEmail: nil, document: [:])
        try await PlatformStore.insert(definition.platform, settings: settings, in: tx)
        try await tx.audit(AuditEventDraft(
            actor: actor, action: .platformCreate, subject: subject(definition.platform),
            payload: ["name": .string(settings.name)]))
    }

    /// Replaces a platform's name, contact address and settings document, if it is still at `expectedVersion`
    /// (else `PlatformStore.StaleVersion` with the platform as it is now); every broken rule at its field.
    public static func changeSettings(
        of code: String, name: String, contactEmail: String, documentText: String, expectedVersion: Int,
        by actor: AuditActor, in store: Store, clock: any WallClock
    ) async throws -> PlatformStore.Platform {
        let settings: PlatformSettings
        switch PlatformSettings.validate(name: name, contactEmail: contactEmail, documentText: documentText) {
        case .success(let valid): settings = valid
        case .failure(let failure): throw failure
        }
        return try await store.write(clock: clock) { tx in
            let platform = try await PlatformStore.update(code, settings: settings, expectedVersion: expectedVersion, in: tx)
            try await tx.audit(AuditEventDraft(
                actor: actor, action: .platformSettingsChange, subject: subject(code),
                payload: [
                    "version": .int(Int64(platform.version)), "name": .string(settings.name),
                    "contactEmail": settings.contactEmail.map { .string($0.value) } ?? .null,
                    "settings": .object(settings.document),
                ]))
            return platform
        }
    }
}
