import Domain
import FluentKit
import Foundation

final class PlatformModel: Model, @unchecked Sendable {
    static let schema = "platforms"

    @ID(custom: "code", generatedBy: .user) var id: String?
    @Field(key: "name") var name: String
    @OptionalField(key: "contact_email") var contactEmail: String?
    @Field(key: "settings") var settings: String
    @Field(key: "version") var version: Int
    @Field(key: "updated_at") var updatedAt: Date

    init() {}
}

/// Platforms as rows of their own, with their settings; the workflow checks and audits every change.
public enum PlatformStore {
    public struct Platform: Sendable, Hashable {
        public let code: String
        public let settings: PlatformSettings
        public let version: Int
        public let updatedAt: Date
    }

    /// The platform changed since the caller read it.
    public struct StaleVersion: Error, Sendable {
        public let current: Platform
    }

    /// Every platform, by code.
    public static func all(on store: Store) async throws -> [Platform] {
        try await PlatformModel.query(on: store.database).sort(\.$id).all().map(platform)
    }

    /// One platform, or nil.
    public static func platform(_ code: String, on store: Store) async throws -> Platform? {
        try await PlatformModel.find(code, on: store.database).map(platform)
    }

    /// Stores a new platform with `settings` at version 1.
    public static func insert(_ code: String, settings: PlatformSettings, in tx: WriteTransaction) async throws {
        let model = PlatformModel()
        model.id = code
        apply(settings, to: model)
        model.version = 1
        model.updatedAt = tx.now
        try await model.create(on: tx.database)
    }

    /// Replaces the platform's settings if it is still at `expectedVersion`; returns the platform as stored.
    public static func update(
        _ code: String, settings: PlatformSettings, expectedVersion: Int, in tx: WriteTransaction
    ) async throws -> Platform {
        guard let model = try await PlatformModel.find(code, on: tx.database) else { throw CaseNotFound() }
        guard model.version == expectedVersion else { throw StaleVersion(current: try platform(model)) }
        apply(settings, to: model)
        model.version += 1
        model.updatedAt = tx.now
        try await model.update(on: tx.database)
        return try platform(model)
    }

    private static func apply(_ settings: PlatformSettings, to model: PlatformModel) {
        model.name = settings.name
        model.contactEmail = settings.contactEmail?.value
        model.settings = settings.documentText
    }

    private static func platform(_ model: PlatformModel) throws -> Platform {
        let document = (try? JSONDecoder().decode(CanonicalJSON.self, from: Data(model.settings.utf8)))
        guard case .object(let members)? = document else { throw CaseNotFound() }
        return Platform(
            code: try model.requireID(),
            settings: PlatformSettings(name: model.name, contactEmail: model.contactEmail.flatMap(EmailAddress.init), document: members),
            version: model.version, updatedAt: model.updatedAt)
    }
}
