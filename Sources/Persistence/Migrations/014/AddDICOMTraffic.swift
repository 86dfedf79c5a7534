import FluentKit
import SQLKit

/// DICOM in the verification environment: an account's calling AE title (one per environment among accounts that
/// are not revoked), an account without HL7 names (a modality sends only DICOM), the DICOM profile a session
/// checks objects against, and `test_objects`: every object received, its file's SHA-256 (the Part 10 file is
/// kept content-addressed under the data folder), summary, findings and status, in the session's chain.
struct AddDICOMTraffic: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await database.schema(SystemAccountModel.schema).field("dicom_ae_title", .string).update()
        try await sql.raw("""
            CREATE UNIQUE INDEX system_accounts_ae_title ON system_accounts (environment, dicom_ae_title)
            WHERE status <> 'revoked' AND dicom_ae_title IS NOT NULL
            """).run()
        // A DICOM-only account has empty HL7 names, which must not collide with another's.
        try await sql.raw("DROP INDEX system_accounts_sender").run()
        try await sql.raw("""
            CREATE UNIQUE INDEX system_accounts_sender ON system_accounts
            (environment, hl7_sending_application, hl7_sending_facility)
            WHERE status <> 'revoked' AND hl7_sending_application <> ''
            """).run()
        // One column per statement: SQLite's ALTER TABLE adds one at a time.
        try await database.schema(TestSessionModel.schema).field("dicom_profile_id", .string).update()
        try await database.schema(TestSessionModel.schema).field("dicom_profile_hash", .string).update()
        try await database.schema(TestSessionModel.schema).field("dicom_profile_version", .int).update()
        try await database.schema(TestObjectModel.schema)
            .id()
            .field("session_id", .uuid, .required, .references(TestSessionModel.schema, "id"))
            .field("sequence", .int, .required)
            .field("received_at", .datetime, .required)
            .field("sha256", .string, .required)
            .field("size", .int64, .required)
            .field("summary", .string, .required)
            .field("findings", .string, .required)
            .field("status", .string, .required)
            .field("hash", .string, .required)
            .unique(on: "session_id", "sequence")
            .create()
        try await sql.raw("CREATE INDEX test_objects_session ON test_objects (session_id, sequence)").run()
    }

    // Loses every DICOM object's record (the files stay in the data folder) and the AE titles.
    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await database.schema(TestObjectModel.schema).delete()
        try await database.schema(TestSessionModel.schema).deleteField("dicom_profile_version").update()
        try await database.schema(TestSessionModel.schema).deleteField("dicom_profile_hash").update()
        try await database.schema(TestSessionModel.schema).deleteField("dicom_profile_id").update()
        try await sql.raw("DROP INDEX system_accounts_sender").run()
        try await sql.raw("""
            CREATE UNIQUE INDEX system_accounts_sender ON system_accounts
            (environment, hl7_sending_application, hl7_sending_facility) WHERE status <> 'revoked'
            """).run()
        try await sql.raw("DROP INDEX system_accounts_ae_title").run()
        try await database.schema(SystemAccountModel.schema).deleteField("dicom_ae_title").update()
    }
}
