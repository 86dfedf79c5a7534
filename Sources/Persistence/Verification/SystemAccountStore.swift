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

    /// Another account that is not revoked already uses the calling AE title at `index` of the list in the environment.
    public struct AETitleTaken: Error, Sendable {
        public let title: String
        public let index: Int
    }

    public static func insert(_ account: SystemAccount, in tx: WriteTransaction) async throws {
        if try await active(application: account.hl7SendingApplication, facility: account.hl7SendingFacility,
                            environment: account.environment, on: tx.store) != nil {
            throw SenderTaken()
        }
        try await refuseTaken(account.dicomAETitles, environment: account.environment, except: account.id, on: tx.database)
        let model = SystemAccountModel()
        model.id = account.id
        model.caseID = account.caseID
        model.environment = account.environment.rawValue
        model.hl7SendingApplication = account.hl7SendingApplication
        model.hl7SendingFacility = account.hl7SendingFacility
        model.sourceAddresses = String(decoding: try JSONEncoder().encode(account.sourceAddresses), as: UTF8.self)
        model.status = account.status.rawValue
        model.version = account.version
        model.createdAt = tx.now
        model.updatedAt = tx.now
        try await model.create(on: tx.database)
        try await insertTitles(account.dicomAETitles, of: account, on: tx.database)
    }

    /// Replaces the account's calling AE titles if it is still at `expectedVersion`; returns the account as stored.
    public static func setAETitles(
        _ titles: [String], of id: UUID, expectedVersion: Int, in tx: WriteTransaction
    ) async throws -> SystemAccount {
        guard let model = try await SystemAccountModel.find(id, on: tx.database) else { throw CaseNotFound() }
        guard model.version == expectedVersion else { throw StaleVersion(current: try await account(model, on: tx.database)) }
        let environment = SystemAccount.Environment(rawValue: model.environment) ?? .verification
        try await refuseTaken(titles, environment: environment, except: id, on: tx.database)
        try await SystemAccountAETitleModel.query(on: tx.database).filter(\.$accountID == id).delete()
        model.version += 1
        model.updatedAt = tx.now
        try await model.update(on: tx.database)
        let changed = try account(model, titles: titles)
        try await insertTitles(titles, of: changed, on: tx.database)
        return changed
    }

    private static func insertTitles(_ titles: [String], of account: SystemAccount, on database: any Database) async throws {
        for (position, title) in titles.enumerated() {
            let row = SystemAccountAETitleModel()
            row.id = UUID()
            row.accountID = account.id
            row.environment = account.environment.rawValue
            row.aeTitle = title
            row.position = position
            try await row.create(on: database)
        }
    }

    /// Throws ``AETitleTaken`` for the first of `titles` that an account other than `except`, not revoked, holds.
    private static func refuseTaken(
        _ titles: [String], environment: SystemAccount.Environment, except: UUID, on database: any Database
    ) async throws {
        guard !titles.isEmpty else { return }
        let held = try await SystemAccountAETitleModel.query(on: database)
            .filter(\.$environment == environment.rawValue).filter(\.$aeTitle ~~ titles).filter(\.$revokedAt == nil)
            .filter(\.$accountID != except).all()
        if let index = titles.firstIndex(where: { title in held.contains { $0.aeTitle == title } }) {
            throw AETitleTaken(title: titles[index], index: index)
        }
    }

    /// The case's accounts, oldest first.
    public static func accounts(of caseID: UUID, on store: Store) async throws -> [SystemAccount] {
        let models = try await SystemAccountModel.query(on: store.database).filter(\.$caseID == caseID).sort(\.$createdAt).all()
        let titles = try await titles(of: models.map { try $0.requireID() }, on: store.database)
        return try models.map { try account($0, titles: titles[try $0.requireID()] ?? []) }
    }

    public static func account(_ id: UUID, on store: Store) async throws -> SystemAccount? {
        guard let model = try await SystemAccountModel.find(id, on: store.database) else { return nil }
        return try await account(model, on: store.database)
    }

    /// The account that is not revoked for a sender, if any: the one traffic is matched to.
    public static func active(
        application: String, facility: String, environment: SystemAccount.Environment, on store: Store
    ) async throws -> SystemAccount? {
        // A DICOM-only account has no HL7 names; a message without MSH-3 and MSH-4 is nobody's.
        guard !application.isEmpty || !facility.isEmpty else { return nil }
        guard let model = try await SystemAccountModel.query(on: store.database)
            .filter(\.$environment == environment.rawValue)
            .filter(\.$hl7SendingApplication == application).filter(\.$hl7SendingFacility == facility)
            .filter(\.$status != SystemAccount.Status.revoked.rawValue).first()
        else { return nil }
        return try await account(model, on: store.database)
    }

    /// The account that is not revoked holding a calling AE title, if any: the one DICOM associations are matched
    /// to, by any of its titles. Found through the partial unique index on (environment, ae_title).
    public static func active(
        aeTitle: String, environment: SystemAccount.Environment, on store: Store
    ) async throws -> SystemAccount? {
        guard let held = try await SystemAccountAETitleModel.query(on: store.database)
            .filter(\.$environment == environment.rawValue).filter(\.$aeTitle == aeTitle).filter(\.$revokedAt == nil)
            .first(),
            let model = try await SystemAccountModel.find(held.accountID, on: store.database)
        else { return nil }
        return try await account(model, on: store.database)
    }

    /// Sets the status if the account is still at `expectedVersion`; returns the account as stored.
    public static func setStatus(
        _ id: UUID, to status: SystemAccount.Status, expectedVersion: Int, in tx: WriteTransaction
    ) async throws -> SystemAccount {
        guard let model = try await SystemAccountModel.find(id, on: tx.database) else { throw CaseNotFound() }
        guard model.version == expectedVersion else { throw StaleVersion(current: try await account(model, on: tx.database)) }
        model.status = status.rawValue
        model.version += 1
        model.updatedAt = tx.now
        try await model.update(on: tx.database)
        if status == .revoked {
            // Revoked is final: its titles go free for other accounts, and stay listed on this one.
            try await SystemAccountAETitleModel.query(on: tx.database).filter(\.$accountID == id)
                .set(\.$revokedAt, to: tx.now).update()
        }
        return try await account(model, on: tx.database)
    }

    /// Each account's calling AE titles in their order.
    private static func titles(of ids: [UUID], on database: any Database) async throws -> [UUID: [String]] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await SystemAccountAETitleModel.query(on: database).filter(\.$accountID ~~ ids).sort(\.$position).all()
        return Dictionary(grouping: rows, by: \.accountID).mapValues { $0.map(\.aeTitle) }
    }

    private static func account(_ model: SystemAccountModel, on database: any Database) async throws -> SystemAccount {
        try account(model, titles: try await titles(of: [try model.requireID()], on: database)[try model.requireID()] ?? [])
    }

    private static func account(_ model: SystemAccountModel, titles: [String]) throws -> SystemAccount {
        SystemAccount(
            id: try model.requireID(), caseID: model.caseID,
            environment: SystemAccount.Environment(rawValue: model.environment) ?? .verification,
            hl7SendingApplication: model.hl7SendingApplication, hl7SendingFacility: model.hl7SendingFacility,
            sourceAddresses: (try? JSONDecoder().decode([String].self, from: Data(model.sourceAddresses.utf8))) ?? [],
            status: SystemAccount.Status(rawValue: model.status) ?? .revoked, version: model.version,
            dicomAETitles: titles)
    }
}
