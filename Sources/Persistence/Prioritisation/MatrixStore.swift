import Domain
import FluentKit
import Foundation
import Synchronization

/// Published assessment matrices: what the files said when each version was first seen, like `DefinitionStore`.
public enum MatrixStore {
    /// A matrix file whose id and version were published before with other content.
    public struct Conflict: Error, CustomStringConvertible {
        public let reference: AssessmentMatrix.Reference
        public let publishedHash: String

        public var description: String { message.en }

        public var message: LocalizedText {
            let hashes = "(hash \(publishedHash.prefix(12))…, now \(reference.contentHash.prefix(12))…)"
            return LocalizedText(
                sv: "Bedömningsmatrisen \(reference) skiljer sig från den som redan är publicerad under den versionen "
                    + hashes.replacingOccurrences(of: "now", with: "nu")
                    + ". Ge den ändrade filen ett nytt versionsnummer; bedömningar behåller den version de gjordes med.",
                en: "The assessment matrix \(reference) differs from the one already published under that version \(hashes)."
                    + " Give the changed file a new version number; assessments keep the version they were made with.")
        }
    }

    /// Stores `matrix` when its id and version are new and returns true; false when that version is already
    /// published with the same content; a `Conflict` when it was published with other content.
    public static func insert(_ matrix: AssessmentMatrix, in tx: WriteTransaction) async throws -> Bool {
        let reference = matrix.reference
        if let existing = try await AssessmentMatrixModel.query(on: tx.database)
            .filter(\.$matrixID == matrix.id).filter(\.$version == matrix.version).first()
        {
            guard existing.contentHash == reference.contentHash else {
                throw Conflict(reference: reference, publishedHash: existing.contentHash)
            }
            return false
        }
        let model = AssessmentMatrixModel()
        model.matrixID = matrix.id
        model.version = matrix.version
        model.platform = matrix.platform
        model.contentHash = reference.contentHash
        model.document = CanonicalJSON.text(of: matrix)
        model.publishedAt = tx.now
        try await model.create(on: tx.database)
        return true
    }

    /// The newest published version for `platform`; nil when it has none.
    public static func current(platform: String, on store: Store) async throws -> AssessmentMatrix? {
        guard let model = try await AssessmentMatrixModel.query(on: store.database)
            .filter(\.$platform == platform).sort(\.$version, .descending).first()
        else { return nil }
        return try decoded(model)
    }

    /// The exact version an assessment pinned.
    public static func matrix(_ reference: AssessmentMatrix.Reference, on store: Store) async throws -> AssessmentMatrix? {
        if let cached = cache.withLock({ $0[reference.contentHash] }) { return cached }
        guard let model = try await AssessmentMatrixModel.query(on: store.database)
            .filter(\.$matrixID == reference.id).filter(\.$version == reference.version).first(),
            model.contentHash == reference.contentHash
        else { return nil }
        return try decoded(model)
    }

    // Published versions never change, so each is decoded once.
    private static let cache = Mutex<[String: AssessmentMatrix]>([:])

    private static func decoded(_ model: AssessmentMatrixModel) throws -> AssessmentMatrix {
        if let cached = cache.withLock({ $0[model.contentHash] }) { return cached }
        let matrix = try JSONDecoder().decode(AssessmentMatrix.self, from: Data(model.document.utf8))
        cache.withLock { $0[model.contentHash] = matrix }
        return matrix
    }
}
