import Domain
import FluentKit
import Foundation
import Synchronization

/// Published process definitions: what the files said when each version was first seen.
public enum DefinitionStore {
    /// A definition file whose id and version were published before with other content.
    public struct Conflict: Error, CustomStringConvertible {
        public let reference: DefinitionReference
        public let publishedHash: String

        public var description: String {
            "The process definition \(reference) differs from the one already published under that version"
                + " (hash \(publishedHash.prefix(12))…, now \(reference.contentHash.prefix(12))…)."
                + " Give the changed file a new version number; running cases keep the version they started with."
        }
    }

    /// Stores `definition` when its id and version are new and returns true; false when that version is
    /// already published with the same content; a `Conflict` when it was published with other content.
    public static func insert(_ definition: ProcessDefinition, in tx: WriteTransaction) async throws -> Bool {
        let reference = definition.reference
        if let existing = try await ProcessDefinitionModel.query(on: tx.database)
            .filter(\.$definitionID == reference.id.rawValue).filter(\.$version == reference.version).first()
        {
            guard existing.contentHash == reference.contentHash else {
                throw Conflict(reference: reference, publishedHash: existing.contentHash)
            }
            return false
        }
        let document = String(decoding: definition.canonicalEncoding(), as: UTF8.self)
        let model = ProcessDefinitionModel(
            definitionID: reference.id.rawValue, version: reference.version, platform: definition.platform,
            contentHash: reference.contentHash, document: document)
        model.publishedAt = tx.now
        try await model.create(on: tx.database)
        return true
    }

    /// The exact definition a case pinned. Published versions never change (see `publish`), so each is
    /// decoded once per process and then served from memory.
    public static func definition(_ reference: DefinitionReference, on store: Store) async throws
        -> ProcessDefinition
    {
        let db = store.database
        if let cached = cache.withLock({ $0[reference] }) { return cached }
        guard let model = try await ProcessDefinitionModel.query(on: db)
            .filter(\.$definitionID == reference.id.rawValue).filter(\.$version == reference.version).first()
        else {
            throw MissingDefinition(reference: reference)
        }
        guard model.contentHash == reference.contentHash else { throw MissingDefinition(reference: reference) }
        return try cachedOrDecoded(model)
    }

    private static func cachedOrDecoded(_ model: ProcessDefinitionModel) throws -> ProcessDefinition {
        let reference = DefinitionReference(
            id: ProcessDefinition.ID(rawValue: model.definitionID), version: model.version, contentHash: model.contentHash)
        if let cached = cache.withLock({ $0[reference] }) { return cached }
        let definition = try decode(model)
        cache.withLock { $0[reference] = definition }
        return definition
    }

    private static let cache = Mutex<[DefinitionReference: ProcessDefinition]>([:])

    /// The newest published version for each platform, by platform code.
    public static func current(on store: Store) async throws -> [String: ProcessDefinition] {
        let db = store.database
        var newest: [String: ProcessDefinitionModel] = [:]
        for model in try await ProcessDefinitionModel.query(on: db).all()
        where model.version > (newest[model.platform]?.version ?? Int.min) {
            newest[model.platform] = model
        }
        return try newest.mapValues(cachedOrDecoded)
    }

    /// Every published version of the definition `id`, oldest first.
    public static func versions(of id: String, on store: Store) async throws -> [ProcessDefinition] {
        let db = store.database
        return try await ProcessDefinitionModel.query(on: db).filter(\.$definitionID == id).sort(\.$version).all()
            .map(cachedOrDecoded)
    }

    /// A case refers to a definition that is not stored; the database was edited by hand.
    public struct MissingDefinition: Error, CustomStringConvertible {
        public let reference: DefinitionReference
        public var description: String { "No published process definition \(reference)." }
    }

    private static func decode(_ model: ProcessDefinitionModel) throws -> ProcessDefinition {
        try JSONDecoder().decode(ProcessDefinition.self, from: Data(model.document.utf8))
    }
}
