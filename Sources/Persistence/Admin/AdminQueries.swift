import Domain
import FluentKit
import Foundation
import SQLKit

/// What the admin pages list: every user, organisation, platform's case counts and published definition.
/// Read-only and unscoped, so only callers that checked for the admin role may use them.
public enum AdminQueries {
    public struct UserRow: Sendable, Hashable {
        public let id: UUID
        public let email: String
        public let name: String
        public let organisation: OrganisationRef?
        /// Sorted by role, then platform, so the page reads the same on every load.
        public let grants: [RoleGrant]
    }

    public struct OrganisationRef: Sendable, Hashable {
        public let organisationsnummer: String
        public let name: String
    }

    /// Every user with their organisation and roles, by e-mail address.
    public static func users(on store: Store) async throws -> [UserRow] {
        let db = store.database
        let rows = try await db.sql.raw(
            """
            SELECT u.id, u.email, u.name, o.organisationsnummer, o.name AS organisation_name, r.role, r.platform
            FROM users u
            LEFT JOIN organisations o ON o.id = u.organisation_id
            LEFT JOIN user_roles r ON r.user_id = u.id
            ORDER BY u.email
            """
        ).all()
        var order: [UUID] = []
        var users: [UUID: (email: String, name: String, organisation: OrganisationRef?, grants: Set<RoleGrant>)] = [:]
        for row in rows {
            let id = try row.decode(column: "id", as: UUID.self)
            if users[id] == nil {
                order.append(id)
                let organisation = try row.decode(column: "organisationsnummer", as: String?.self).map {
                    OrganisationRef(
                        organisationsnummer: $0, name: try row.decode(column: "organisation_name", as: String.self))
                }
                users[id] = (
                    try row.decode(column: "email", as: String.self), try row.decode(column: "name", as: String.self),
                    organisation, []
                )
            }
            if let role = try row.decode(column: "role", as: String?.self).flatMap(Role.init(rawValue:)) {
                users[id]?.grants.insert(RoleGrant(role: role, platform: try row.decode(column: "platform", as: String?.self)))
            }
        }
        return order.compactMap { id in
            users[id].map { user in
                UserRow(
                    id: id, email: user.email, name: user.name, organisation: user.organisation,
                    grants: user.grants.sorted { ($0.role.rawValue, $0.platform ?? "") < ($1.role.rawValue, $1.platform ?? "") })
            }
        }
    }

    public struct OrganisationRow: Sendable, Hashable {
        public let id: UUID
        public let organisationsnummer: String
        public let name: String
        public let users: Int
        public let cases: Int
    }

    /// Every organisation with how many users and cases it has, by name.
    public static func organisations(on store: Store) async throws -> [OrganisationRow] {
        let db = store.database
        return try await db.sql.raw(
            """
            SELECT o.id, o.organisationsnummer, o.name,
                (SELECT COUNT(*) FROM users u WHERE u.organisation_id = o.id) AS user_count,
                (SELECT COUNT(*) FROM cases c WHERE c.organisation_id = o.id) AS case_count
            FROM organisations o
            ORDER BY o.name, o.organisationsnummer
            """
        ).all().map { row in
            OrganisationRow(
                id: try row.decode(column: "id", as: UUID.self),
                organisationsnummer: try row.decode(column: "organisationsnummer", as: String.self),
                name: try row.decode(column: "name", as: String.self),
                users: try row.decode(column: "user_count", as: Int.self),
                cases: try row.decode(column: "case_count", as: Int.self))
        }
    }

    /// How many cases each platform has in each status; statuses without cases are absent.
    public static func caseCounts(on store: Store) async throws -> [String: [CaseStatus: Int]] {
        let db = store.database
        let rows = try await db.sql.raw(
            "SELECT platform, status, COUNT(*) AS n FROM cases GROUP BY platform, status"
        ).all()
        var counts: [String: [CaseStatus: Int]] = [:]
        for row in rows {
            guard let status = CaseStatus(rawValue: try row.decode(column: "status", as: String.self)) else { continue }
            counts[try row.decode(column: "platform", as: String.self), default: [:]][status] =
                try row.decode(column: "n", as: Int.self)
        }
        return counts
    }

    public struct PublishedVersion: Sendable, Hashable {
        public let reference: DefinitionReference
        public let platform: String
        public let publishedAt: Date?
    }

    /// Every published definition version, by id and then version, without decoding the documents.
    public static func publishedVersions(on store: Store) async throws -> [PublishedVersion] {
        let db = store.database
        return try await ProcessDefinitionModel.query(on: db)
            .sort(\.$definitionID).sort(\.$version)
            .field(\.$id).field(\.$definitionID).field(\.$version).field(\.$platform).field(\.$contentHash)
            .field(\.$publishedAt)
            .all()
            .map { model in
                PublishedVersion(
                    reference: DefinitionReference(
                        id: ProcessDefinition.ID(rawValue: model.definitionID), version: model.version,
                        contentHash: model.contentHash),
                    platform: model.platform, publishedAt: model.publishedAt)
            }
    }
}
