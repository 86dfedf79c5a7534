import Domain
import FluentKit
import Foundation
import SQLKit

// Reads run on every page and API call, so they are plain SQL decoded column by column: FluentKit's model
// decoding (reflection over property wrappers) cost more than the database did (BENCHMARKS.md, case API).
extension CaseStore {
    /// The case with its state, item states and decisions: two queries.
    public static func load(_ id: UUID, on db: any Database) async throws -> CaseRecord {
        let sql = db.sql
        guard let row = try await sql.raw(
            """
            SELECT c.id, c.number, c.platform, c.organisation_id, o.name AS organisation_name, c.created_by,
                   c.status, c.resume_status, c.current_phase, c.definition_id, c.definition_version,
                   c.definition_hash, c.fields, c.version, c.created_at, c.updated_at
            FROM cases c JOIN organisations o ON o.id = c.organisation_id
            WHERE c.id = \(bind: id)
            """
        ).first() else {
            throw CaseNotFound()
        }
        // Item states and decisions share a shape, so one round trip brings both.
        let entries = try await sql.raw(
            """
            SELECT 'item' AS entry, item_id, status, changed_by, changed_at, reason, evidence
            FROM case_items WHERE case_id = \(bind: id)
            UNION ALL
            SELECT 'decision', item_id, outcome, decided_by, decided_at, reason, NULL
            FROM case_decisions WHERE case_id = \(bind: id)
            """
        ).all()
        var items: [ItemID: ItemState] = [:]
        var decisions: [Decision] = []
        let evidenceDecoder = JSONDecoder()
        for entry in entries {
            let item = ItemID(rawValue: try entry.decode(column: "item_id", as: String.self))
            let status = try entry.decode(column: "status", as: String.self)
            let changedBy = try entry.decode(column: "changed_by", as: String?.self)
            let changedAt = try entry.decode(column: "changed_at", as: Date?.self)
            let reason = try entry.decode(column: "reason", as: String?.self)
            if try entry.decode(column: "entry", as: String.self) == "decision" {
                decisions.append(Decision(
                    item: item, outcome: DecisionOutcome(rawValue: status) ?? .approve, decidedBy: changedBy ?? "",
                    decidedAt: changedAt ?? .distantPast, reason: reason))
            } else {
                let evidence = try entry.decode(column: "evidence", as: String?.self) ?? "[]"
                items[item] = ItemState(
                    status: ItemStatus(rawValue: status) ?? .open, changedBy: changedBy, changedAt: changedAt,
                    reason: reason,
                    evidence: evidence == "[]"
                        ? [] : (try? evidenceDecoder.decode([Evidence].self, from: Data(evidence.utf8))) ?? [])
            }
        }
        decisions.sort { $0.decidedAt < $1.decidedAt }
        let createdAt = try row.decode(column: "created_at", as: Date?.self) ?? .distantPast
        let state = CaseState(
            definition: DefinitionReference(
                id: ProcessDefinition.ID(rawValue: try row.decode(column: "definition_id", as: String.self)),
                version: try row.decode(column: "definition_version", as: Int.self),
                contentHash: try row.decode(column: "definition_hash", as: String.self)),
            status: CaseStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .draft,
            resumeStatus: try row.decode(column: "resume_status", as: String?.self).flatMap(CaseStatus.init(rawValue:)),
            currentPhase: PhaseID(rawValue: try row.decode(column: "current_phase", as: String.self)), items: items,
            version: try row.decode(column: "version", as: Int.self))
        return CaseRecord(
            id: id, number: try row.decode(column: "number", as: String.self),
            platform: try row.decode(column: "platform", as: String.self),
            organisationID: try row.decode(column: "organisation_id", as: UUID.self),
            organisationName: try row.decode(column: "organisation_name", as: String.self),
            createdBy: try row.decode(column: "created_by", as: UUID.self), createdAt: createdAt,
            updatedAt: try row.decode(column: "updated_at", as: Date?.self) ?? createdAt,
            fields: decode(try row.decode(column: "fields", as: String.self)), state: state, decisions: decisions)
    }

    /// What a list shows of cases: no item states.
    public struct Summary: Sendable, Hashable {
        public let id: UUID
        public let number: String
        public let platform: String
        public let organisationID: UUID
        public let status: CaseStatus
        public let currentPhase: String
        public let systemName: String?
        public let version: Int
        public let updatedAt: Date
    }

    /// Who may see which cases, as a filter.
    public struct Visibility: Sendable {
        public let everything: Bool
        public let platforms: Set<String>
        public let organisation: UUID?

        public init(_ principal: Principal) {
            everything = principal.holds(.admin)
            platforms = principal.staffPlatforms
            organisation = principal.holds(.applicant) ? principal.organisationID : nil
        }
    }

    /// The cases `visibility` allows, newest change first, optionally by status and platform, and by `search`
    /// in the case number, the organisation's name or number, or the order's fields (any case of letters).
    public static func list(
        visibility: Visibility, status: CaseStatus?, platform: String?, search: String? = nil, limit: Int, offset: Int,
        on db: any Database
    ) async throws -> [Summary] {
        let cases = CaseModel.schema
        var query = db.sql.select()
            .columns(["id", "number", "platform", "organisation_id", "status", "current_phase", "system_name",
                      "version", "created_at", "updated_at"].map { SQLColumn($0, table: cases) })
            .from(cases)
        if let search = search?.trimmingCharacters(in: .whitespaces), !search.isEmpty {
            query = query.join(
                OrganisationModel.schema, on: SQLColumn("organisation_id", table: cases), .equal,
                SQLColumn("id", table: OrganisationModel.schema))
                .where(matching(search))
        }
        if !visibility.everything {
            let platforms = Array(visibility.platforms)
            let organisation = visibility.organisation
            guard !platforms.isEmpty || organisation != nil else { return [] }
            // The same rule as Principal.roles(onCaseOf:organisation:status:): staff see no drafts.
            query = query.where { group in
                if !platforms.isEmpty {
                    group.orWhere { staff in
                        staff.where(SQLColumn("platform", table: cases), .in, SQLBind.group(platforms))
                            .where(SQLColumn("status", table: cases), .notEqual, SQLBind(CaseStatus.draft.rawValue))
                    }
                }
                if let organisation {
                    group.orWhere(SQLColumn("organisation_id", table: cases), .equal, SQLBind(organisation))
                }
                return group
            }
        }
        if let status { query = query.where(SQLColumn("status", table: cases), .equal, SQLBind(status.rawValue)) }
        if let platform { query = query.where(SQLColumn("platform", table: cases), .equal, SQLBind(platform)) }
        let rows = try await query
            .orderBy(SQLColumn("updated_at", table: cases), SQLDirection.descending)
            .orderBy(SQLColumn("id", table: cases), SQLDirection.descending)
            .limit(limit).offset(offset)
            .all()
        return try rows.compactMap { row in
            guard let status = CaseStatus(rawValue: try row.decode(column: "status", as: String.self)) else { return nil }
            return Summary(
                id: try row.decode(column: "id", as: UUID.self), number: try row.decode(column: "number", as: String.self),
                platform: try row.decode(column: "platform", as: String.self),
                organisationID: try row.decode(column: "organisation_id", as: UUID.self), status: status,
                currentPhase: try row.decode(column: "current_phase", as: String.self),
                systemName: try row.decode(column: "system_name", as: String?.self),
                version: try row.decode(column: "version", as: Int.self),
                updatedAt: try row.decode(column: "updated_at", as: Date?.self)
                    ?? row.decode(column: "created_at", as: Date?.self) ?? .distantPast)
        }
    }

    // LOWER on both sides: PostgreSQL's LIKE heeds case, SQLite's does not (for ASCII).
    private static func matching(_ search: String) -> any SQLExpression {
        let pattern = SQLBind("%" + search.lowercased() + "%")
        let columns = [
            SQLColumn("number", table: CaseModel.schema), SQLColumn("fields", table: CaseModel.schema),
            SQLColumn("name", table: OrganisationModel.schema),
            SQLColumn("organisationsnummer", table: OrganisationModel.schema),
        ]
        let matches: [any SQLExpression] = columns.map {
            SQLBinaryExpression(left: SQLFunction("LOWER", args: $0), op: SQLBinaryOperator.like, right: pattern)
        }
        return SQLGroupExpression(SQLList(matches, separator: SQLRaw(" OR ")))
    }
}
