import Domain
import FluentKit
import Foundation
import SQLKit

/// Reading and writing cases with their item states and decisions.
public enum CaseStore {
    /// Stores a new draft of `definition` for `organisation`, numbered `<PLATFORM>-<year>-<serial>`. The
    /// workflow checks the fields and audits.
    public static func insert(
        definition: ProcessDefinition, organisation: UUID, fields: [String: String], createdBy: UUID,
        in tx: WriteTransaction
    ) async throws -> CaseRecord {
        let state = CaseState(draft: definition)
        let model = CaseModel()
        model.number = try await nextNumber(
            platform: definition.platform, year: Calendar.utc.component(.year, from: tx.now), on: tx.database)
        model.platform = definition.platform
        model.$organisation.id = organisation
        model.createdBy = createdBy
        model.fields = encode(fields)
        model.systemName = fields["system_name"]
        apply(state, to: model)
        model.createdAt = tx.now
        model.updatedAt = tx.now
        try await model.create(on: tx.database)
        return try await load(try model.requireID(), on: tx.store)
    }

    /// Stores `state` and what the engine `actions` changed, if the stored version is still `expectedVersion`.
    public static func save(
        _ state: CaseState, actions: [CaseAction], fields: [String: String]? = nil, caseID: UUID,
        expectedVersion: Int, at now: Date, in tx: WriteTransaction
    ) async throws {
        let db = tx.database
        guard let model = try await CaseModel.find(caseID, on: db) else { throw CaseNotFound() }
        guard model.version == expectedVersion else {
            throw VersionConflict(expected: expectedVersion, current: try await load(caseID, on: Store(db)))
        }
        apply(state, to: model)
        if model.submittedAt == nil, state.status == .submitted { model.submittedAt = now }
        model.updatedAt = now
        if let fields {
            model.fields = encode(fields)
            model.systemName = fields["system_name"]
        }
        try await model.update(on: db)
        for action in actions {
            switch action {
            case .itemChanged(let item, let itemState):
                try await upsert(item: item, itemState, caseID: caseID, on: db)
            case .decisionRecorded(let decision):
                let row = CaseDecisionModel()
                row.$case.id = caseID
                row.itemID = decision.item.rawValue
                row.outcome = decision.outcome.rawValue
                row.decidedBy = decision.decidedBy
                row.decidedAt = decision.decidedAt
                row.reason = decision.reason
                try await row.create(on: db)
            case .migrated(let report):
                try await CaseItemModel.query(on: db).filter(\.$case.$id == caseID)
                    .filter(\.$itemID ~~ report.dropped.map(\.rawValue)).delete()
            case .statusChanged(let from, let to, _):
                try await QueueStore.recordStatusChange(
                    caseID: caseID, platform: model.platform, from: from, to: to, at: now, on: db)
            case .skippedInQueue, .phaseStarted, .phaseCompleted:
                // A skip names who passed the case over; `QueueStore.skip` stores it with the caller's principal.
                break
            }
        }
    }

    private static func upsert(item: ItemID, _ itemState: ItemState, caseID: UUID, on db: any Database) async throws {
        let row = try await CaseItemModel.query(on: db).filter(\.$case.$id == caseID)
            .filter(\.$itemID == item.rawValue).first() ?? {
                let row = CaseItemModel()
                row.$case.id = caseID
                row.itemID = item.rawValue
                return row
            }()
        row.status = itemState.status.rawValue
        row.changedBy = itemState.changedBy
        row.changedAt = itemState.changedAt
        row.reason = itemState.reason
        row.evidence = String(decoding: try JSONEncoder().encode(itemState.evidence), as: UTF8.self)
        try await row.save(on: db)
    }

    private static func apply(_ state: CaseState, to model: CaseModel) {
        model.status = state.status.rawValue
        model.resumeStatus = state.resumeStatus?.rawValue
        model.currentPhase = state.currentPhase.rawValue
        model.definitionID = state.definition.id.rawValue
        model.definitionVersion = state.definition.version
        model.definitionHash = state.definition.contentHash
        model.version = state.version
    }

    // Runs inside the write transaction, whose writer lock makes the read-then-insert safe.
    private static func nextNumber(platform: String, year: Int, on db: any Database) async throws -> String {
        let prefix = "\(platform)-\(year)-"
        // Longest first, so that serial 10000 counts as above 9999.
        let last = try await db.sql.raw(
            """
            SELECT number FROM \(unsafeRaw: CaseModel.schema) WHERE number LIKE \(bind: prefix + "%")
            ORDER BY LENGTH(number) DESC, number DESC LIMIT 1
            """
        ).first(decoding: [String: String].self)
        let highest = last?["number"].flatMap { Int($0.dropFirst(prefix.count)) } ?? 0
        let serial = String(highest + 1)
        return prefix + String(repeating: "0", count: max(0, 4 - serial.count)) + serial
    }

    static func encode(_ fields: [String: String]) -> String {
        CanonicalJSON.object(fields.mapValues(CanonicalJSON.string)).encoded
    }

    static func decode(_ text: String) -> [String: String] {
        CanonicalStringMap.parse(text)
            ?? (try? JSONDecoder().decode([String: String].self, from: Data(text.utf8))) ?? [:]
    }
}

extension Calendar {
    static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()
}

extension CaseStore {
    /// The id of the case with this number (`BFR-2026-0001`) or id.
    public static func id(forReference reference: String, on store: Store) async throws -> UUID? {
        let db = store.database
        if let id = UUID(uuidString: reference) { return try await CaseModel.find(id, on: db)?.id }
        return try await CaseModel.query(on: db).filter(\.$number == reference.uppercased()).first()?.id
    }
}
