import Domain
import Foundation
import Persistence
import StorageTestSupport
import Testing
import Workflow

@Suite("Publishing assessment matrices")
struct MatrixPublishingTests {
    @Test("the repository's matrices are published with the processes; a changed one under its version is refused, a new version published and audited")
    func publishing() async throws {
        try await withTestStorage { storage in
            let published = try #require(try await MatrixStore.current(platform: "TAKECARE", on: storage.store))
            #expect(published.version == 1)
            let definitions = Array(try await DefinitionStore.current(on: storage.store).values)
            var changed = published
            changed.criteria[1].weight = 3
            await #expect(throws: MatrixStore.Conflict.self) {
                try await DefinitionWorkflow.publish(
                    definitions, matrices: [changed], by: .system, in: storage.store, clock: storage.clock)
            }
            changed.version = 2
            try await DefinitionWorkflow.publish(definitions, matrices: [changed], by: .system, in: storage.store, clock: storage.clock)
            #expect(try await MatrixStore.current(platform: "TAKECARE", on: storage.store) == changed)
            #expect(try await MatrixStore.matrix(published.reference, on: storage.store) == published, "the old version stays")
            let events = try await AuditLog.events(about: "matrix:\(changed.id)", on: storage.store)
            #expect(events.map(\.action) == ["matrix.publish", "matrix.publish"])

            var unfit = changed
            unfit.version = 3
            unfit.size.field = "no_such_field"
            await #expect(throws: DefinitionWorkflow.MatrixMismatch.self) {
                try await DefinitionWorkflow.publish(definitions, matrices: [unfit], by: .system, in: storage.store, clock: storage.clock)
            }
        }
    }
}
