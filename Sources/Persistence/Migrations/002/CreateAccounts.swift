import FluentKit

/// Organisations, users, their roles and API tokens.
struct CreateAccounts: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(OrganisationModel.schema)
            .id()
            .field("organisationsnummer", .string, .required)
            .field("name", .string, .required)
            .field("hsa_id", .string)
            .field("created_at", .datetime)
            .unique(on: "organisationsnummer")
            .create()
        try await database.schema(UserModel.schema)
            .id()
            .field("email", .string, .required)
            .field("name", .string, .required)
            .field("password_hash", .string, .required)
            .field("organisation_id", .uuid, .references(OrganisationModel.schema, .id))
            .field("created_at", .datetime)
            .unique(on: "email")
            .create()
        try await database.schema(UserRoleModel.schema)
            .id()
            .field("user_id", .uuid, .required, .references(UserModel.schema, .id, onDelete: .cascade))
            .field("role", .string, .required)
            .field("platform", .string)
            .unique(on: "user_id", "role", "platform")
            .create()
        try await database.schema(APITokenModel.schema)
            .id()
            .field("user_id", .uuid, .required, .references(UserModel.schema, .id, onDelete: .cascade))
            .field("token_hash", .string, .required)
            .field("expires_at", .datetime, .required)
            .field("created_at", .datetime)
            .unique(on: "token_hash")
            .create()
    }

    // Loses every account; only for tearing down a test database.
    func revert(on database: any Database) async throws {
        for schema in [APITokenModel.schema, UserRoleModel.schema, UserModel.schema, OrganisationModel.schema] {
            try await database.schema(schema).delete()
        }
    }
}
