import Domain
import FluentKit
import Foundation

/// Verification accounts as rows; the workflow checks who may and what is valid, and audits.
public enum SystemAccountStore {
    /// The account changed since the caller read it.
    public struct StaleVersion: Error, Sendable {
        public let current: SystemAccount
    }

    /// Another account that is not revoked already uses the sender (environment, MSH-3, MSH-4).
    public struct SenderTaken: Error, Sendable {}

    /// Another account that is not revoked already uses the calling AE title in the environment.
    public struct AETitleTaken: Error, Sendable {}

    public static func insert(_ account: SystemAccount, in tx: WriteTransaction) async throws {
        if try await active(application: account.hl7SendingApplication, facility: account.hl7SendingFacility,
                            environment: account.environment, on: tx.store) != nil {
            throw SenderTaken()
        }
        if let title = account.dicomAETitle,
           try await active(aeTitle: title, environment: account.environment, on: tx.store) != nil {
            throw AETitleTaken()
        }
        let model = SystemAccountModel()
        model.id = account.id
        model.caseID = account.caseID
        model.environment = account.environment.rawValue
        model.hl7SendingApplication = account.hl7SendingApplication
        model.hl7SendingFacility = account.hl7SendingFacility
        model.sourceAddresses = String(decoding: try JSONEncoder().encode(account.sourceAddresses), as: UTF8.self)
        model.dicomAETitle = account.dicomAETitle
        model.status = account.status.rawValue
        model.version = account.version
        model.createdAt = tx.now
        model.updatedAt = tx.now
        try await model.create(on: tx.database)
    }

    /// The case's accounts, oldest first.
    public static func accounts(of caseID: UUID, on store: Store) async throws -> [SystemAccount] {
        try await SystemAccountModel.query(on: store.database).filter(\.$caseID == caseID).sort(\.$createdAt).all()
            .map(account)
    }

    public static func account(_ id: UUID, on store: Store) async throws -> SystemAccount? {
        try await SystemAccountModel.find(id, on: store.database).map(account)
    }

    /// The account that is not revoked for a sender, if any: the one traffic is matched to.
    public static func active(
        application: String, facility: String, environment: SystemAccount.Environment, on store: Store
    ) async throws -> SystemAccount? {
        // A DICOM-only account has no HL7 names; a message without MSH-3 and MSH-4 is nobody's.
        guard !application.isEmpty || !facility.isEmpty else { return nil }
        return try await SystemAccountModel.query(on: store.database)
            .filter(\.$environment == environment.rawValue)
            .filter(\.$hl7SendingApplication == application).filter(\.$hl7SendingFacility == facility)
            .filter(\.$status != SystemAccount.Status.revoked.rawValue).first().map(account)
    }

    /// The account that is not revoked for a calling AE title, if any: the one DICOM associations are matched to.
    public static func active(
        aeTitle: String, environment: SystemAccount.Environment, on store: Store
    ) async throws -> SystemAccount? {
        try await SystemAccountModel.query(on: store.database)
            .filter(\.$environment == environment.rawValue).filter(\.$dicomAETitle == aeTitle)
            .filter(\.$status != SystemAccount.Status.revoked.rawValue).first().map(account)
    }

    /// Sets the status if the account is still at `expectedVersion`; returns the account as stored.
    public static func setStatus(
        _ id: UUID, to status: SystemAccount.Status, expectedVersion: Int, in tx: WriteTransaction
    ) async throws -> SystemAccount {
        guard let model = try await SystemAccountModel.find(id, on: tx.database) else { throw CaseNotFound() }
        guard model.version == expectedVersion else { throw StaleVersion(current: try account(model)) }
        model.status = status.rawValue
        model.version += 1
        model.updatedAt = tx.now
        try await model.update(on: tx.database)
        return try account(model)
    }

    private static func account(_ model: SystemAccountModel) throws -> SystemAccount {
        SystemAccount(
            id: try model.requireID(), caseID: model.caseID,
            environment: SystemAccount.Environment(rawValue: model.environment) ?? .verification,
            hl7SendingApplication: model.hl7SendingApplication, hl7SendingFacility: model.hl7SendingFacility,
            sourceAddresses: (try? JSONDecoder().decode([String].self, from: Data(model.sourceAddresses.utf8))) ?? [],
            status: SystemAccount.Status(rawValue: model.status) ?? .revoked, version: model.version,
            dicomAETitle: model.dicomAETitle)
    }
}
