import Domain
import FluentKit
import Foundation
import SQLKit

// Reads run on every page and API call, so they are plain SQL decoded column by column: FluentKit's model
// decoding (reflection over property wrappers) cost more than the database did (BENCHMARKS.md, case API).
extension CaseStore {
    /// The case with its state, item states and decisions, read by one statement: a statement sees one state of
    /// the database on both engines, so a change committed meanwhile cannot pair a case's row with another
    /// moment's items, and no transaction is needed (on PostgreSQL a read-only snapshot transaction cost three
    /// round trips more and made a case read 21% slower; BENCHMARKS.md).
    public static func load(_ id: UUID, on store: Store) async throws -> CaseRecord {
        // The case's row comes first and names the columns; item states and decisions share a shape and fill
        // the first seven, with NULL in the case's (PostgreSQL types a UNION's columns from its first branch on).
        let rows = try await store.database.rows(
            """
            SELECT 'case' AS entry, NULL AS item_id, c.status, NULL AS changed_by, NULL AS changed_at, NULL AS reason,
                   NULL AS evidence, c.number, c.platform, c.organisation_id, o.name AS organisation_name, c.created_by,
                   c.resume_status, c.current_phase, c.definition_id, c.definition_version, c.definition_hash,
                   c.fields, c.version, c.created_at, c.updated_at
            FROM cases c JOIN organisations o ON o.id = c.organisation_id
            WHERE c.id = \(bind: id)
            UNION ALL
            SELECT 'item', item_id, status, changed_by, changed_at, reason, evidence,
                   NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
            FROM case_items WHERE case_id = \(bind: id)
            UNION ALL
            SELECT 'decision', item_id, outcome, decided_by, decided_at, reason, NULL,
                   NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
            FROM case_decisions WHERE case_id = \(bind: id)
            """ as SQLQueryString, Row.init
        )
        var head: Head?
        var items = [ItemID: ItemState](minimumCapacity: rows.count)
        var decisions: [Decision] = []
        for row in rows {
            switch row {
            case .head(let found): head = found
            case .item(let item, let state): items[item] = state
            case .decision(let decision): decisions.append(decision)
            }
        }
        // An unknown id finds no case row, and no items either.
        guard let head else { throw CaseNotFound() }
        decisions.sort { $0.decidedAt < $1.decidedAt }
        return head.record(id: id, items: items, decisions: decisions)
    }

    /// A row of `load`'s statement.
    private enum Row: Sendable {
        case head(Head)
        case item(ItemID, ItemState)
        case decision(Decision)

        init(_ row: any ColumnReader) throws {
            let entry = try row.string("entry")
            if entry == "case" {
                self = .head(try Head(row))
                return
            }
            let item = ItemID(rawValue: try row.string("item_id"))
            let status = try row.string("status")
            let changedBy = try row.optionalString("changed_by")
            let changedAt = try row.optionalDate("changed_at")
            let reason = try row.optionalString("reason")
            if entry == "decision" {
                self = .decision(Decision(
                    item: item, outcome: DecisionOutcome(rawValue: status) ?? .approve, decidedBy: changedBy ?? "",
                    decidedAt: changedAt ?? .distantPast, reason: reason))
            } else {
                let evidence = try row.optionalString("evidence") ?? "[]"
                self = .item(item, ItemState(
                    status: ItemStatus(rawValue: status) ?? .open, changedBy: changedBy, changedAt: changedAt,
                    reason: reason,
                    evidence: evidence == "[]"
                        ? [] : (try? JSONDecoder().decode([Evidence].self, from: Data(evidence.utf8))) ?? []))
            }
        }
    }

    /// The case's own row of `load`'s statement, joined with its organisation's name.
    private struct Head: Sendable {
        let number: String, platform: String, organisationID: UUID, organisationName: String, createdBy: UUID
        let status: CaseStatus, resumeStatus: CaseStatus?, currentPhase: PhaseID, definition: DefinitionReference
        let fields: String, version: Int, createdAt: Date, updatedAt: Date

        init(_ row: any ColumnReader) throws {
            number = try row.string("number")
            platform = try row.string("platform")
            organisationID = try row.uuid("organisation_id")
            organisationName = try row.string("organisation_name")
            createdBy = try row.uuid("created_by")
            status = CaseStatus(rawValue: try row.string("status")) ?? .draft
            resumeStatus = try row.optionalString("resume_status").flatMap(CaseStatus.init(rawValue:))
            currentPhase = PhaseID(rawValue: try row.string("current_phase"))
            definition = DefinitionReference(
                id: ProcessDefinition.ID(rawValue: try row.string("definition_id")),
                version: try row.int("definition_version"), contentHash: try row.string("definition_hash"))
            fields = try row.string("fields")
            version = try row.int("version")
            createdAt = try row.optionalDate("created_at") ?? .distantPast
            updatedAt = try row.optionalDate("updated_at") ?? createdAt
        }

        func record(id: UUID, items: [ItemID: ItemState], decisions: [Decision]) -> CaseRecord {
            let state = CaseState(
                definition: definition, status: status, resumeStatus: resumeStatus, currentPhase: currentPhase,
                items: items, version: version)
            return CaseRecord(
                id: id, number: number, platform: platform, organisationID: organisationID,
                organisationName: organisationName, createdBy: createdBy, createdAt: createdAt, updatedAt: updatedAt,
                fields: decode(fields), state: state, decisions: decisions)
        }
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
        public let createdAt: Date
        public let updatedAt: Date

        /// A row of `list`'s query; nil for a status this version does not know.
        init?(_ row: any ColumnReader) throws {
            guard let status = CaseStatus(rawValue: try row.string("status")) else { return nil }
            self.status = status
            id = try row.uuid("id")
            number = try row.string("number")
            platform = try row.string("platform")
            organisationID = try row.uuid("organisation_id")
            currentPhase = try row.string("current_phase")
            systemName = try row.optionalString("system_name")
            version = try row.int("version")
            createdAt = try row.optionalDate("created_at") ?? .distantPast
            updatedAt = try row.optionalDate("updated_at") ?? createdAt
        }
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
    /// in what a case list shows: the case number, the system's name, the organisation's name or number (any
    /// case of ASCII letters; `%` and `_` match themselves).
    public static func list(
        visibility: Visibility, status: CaseStatus?, platform: String?, search: SearchText? = nil, limit: Int, offset: Int,
        on store: Store
    ) async throws -> [Summary] {
        let db = store.database
        // Written as text: SQLKit's builder escapes every identifier through generic string search each time,
        // which cost a quarter of a small list's answer (BENCHMARKS.md, case API).
        var conditions: [SQLQueryString] = []
        var join: SQLQueryString = ""
        if let search {
            join = " JOIN organisations o ON o.id = c.organisation_id"
            conditions.append(matching(search))
        }
        if !visibility.everything {
            let platforms: [any Encodable & Sendable] = visibility.platforms.sorted()
            var visible: [SQLQueryString] = []
            // The same rule as Principal.roles(onCaseOf:organisation:status:): staff see no drafts.
            if !platforms.isEmpty {
                visible.append("(c.platform IN (\(binds: platforms)) AND c.status <> \(bind: CaseStatus.draft.rawValue))")
            }
            if let organisation = visibility.organisation {
                visible.append("c.organisation_id = \(bind: organisation)")
            }
            guard !visible.isEmpty else { return [] }
            conditions.append("(" + visible.joined(separator: " OR ") + ")")
        }
        if let status { conditions.append("c.status = \(bind: status.rawValue)") }
        if let platform { conditions.append("c.platform = \(bind: platform)") }
        let filter: SQLQueryString = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        let page: SQLQueryString = """
            SELECT c.id, c.number, c.platform, c.organisation_id, c.status, c.current_phase, c.system_name,
                   c.version, c.created_at, c.updated_at
            FROM cases c\(join)\(filter)
            ORDER BY c.updated_at DESC, c.id DESC LIMIT \(bind: limit) OFFSET \(bind: offset)
            """
        return try await db.rows(page, Summary.init).compactMap { $0 }
    }

    /// The items of `cases` that are done or not applicable, by case: what an inbox needs to draw each case's
    /// progress without loading whole cases.
    public static func settledItems(of cases: [UUID], on store: Store) async throws -> [UUID: [ItemID: ItemStatus]] {
        guard !cases.isEmpty else { return [:] }
        let ids: [any Encodable & Sendable] = cases
        let query: SQLQueryString = """
            SELECT case_id, item_id, status FROM case_items
            WHERE case_id IN (\(binds: ids)) AND status <> \(bind: ItemStatus.open.rawValue)
            """
        let rows = try await store.database.rows(query) { row in
            (try row.uuid("case_id"), ItemID(rawValue: try row.string("item_id")),
             ItemStatus(rawValue: try row.string("status")) ?? .open)
        }
        var settled: [UUID: [ItemID: ItemStatus]] = [:]
        for (caseID, item, status) in rows { settled[caseID, default: [:]][item] = status }
        return settled
    }

    // LOWER on both sides: PostgreSQL's LIKE heeds case, SQLite's does not (for ASCII). An organisationsnummer
    // is stored as digits, so it is also matched without the hyphen a person types.
    private static func matching(_ search: SearchText) -> SQLQueryString {
        let pattern = likePattern(search.text.lowercased())
        let digits = likePattern(search.text.filter { $0 != "-" })
        return """
            (LOWER(c.number) LIKE \(bind: pattern) ESCAPE '\\' OR LOWER(c.system_name) LIKE \(bind: pattern) ESCAPE '\\' \
            OR LOWER(o.name) LIKE \(bind: pattern) ESCAPE '\\' OR o.organisationsnummer LIKE \(bind: digits) ESCAPE '\\')
            """
    }

    /// `text` as a LIKE pattern that finds it anywhere, its `%`, `_` and `\` escaped to match themselves.
    static func likePattern(_ text: String) -> String {
        var pattern = "%"
        for character in text {
            if character == "%" || character == "_" || character == "\\" { pattern.append("\\") }
            pattern.append(character)
        }
        return pattern + "%"
    }
}
