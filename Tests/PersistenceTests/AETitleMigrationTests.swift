import Domain
import FluentKit
import Foundation
@testable import Persistence
import SQLKit
import StorageTestSupport
import Testing

/// Migration 016 moves the calling AE titles into `system_account_ae_titles`; its revert puts each account's
/// first title back in migration 014's column, on both engines.
@Suite("AE title storage")
struct AETitleMigrationTests {
    static func account(on caseID: UUID, titles: [String]) -> SystemAccount {
        SystemAccount(
            id: UUID(), caseID: caseID, environment: .verification, hl7SendingApplication: "", hl7SendingFacility: "",
            sourceAddresses: [], status: .active, version: 1, dicomAETitles: titles)
    }

    @Test("reverted, each account keeps its first title in system_accounts; prepared again, the titles and revocations are back")
    func roundTrip() async throws {
        try await withTestStorage { storage in
            let database = storage.store.database
            let caseID = try await CaseItemStorageTests.caseWithItemStates(database)
            let fleet = Self.account(on: caseID, titles: ["CT1", "CT2"])
            let old = Self.account(on: caseID, titles: ["MR1"])
            try await database.write(clock: SystemClock()) { tx in
                try await SystemAccountStore.insert(fleet, in: tx)
                try await SystemAccountStore.insert(old, in: tx)
                _ = try await SystemAccountStore.setStatus(old.id, to: .revoked, expectedVersion: 1, in: tx)
            }

            try await CreateSystemAccountAETitles().revert(on: database)
            let columns = try await database.sql.raw("SELECT dicom_ae_title FROM system_accounts").all()
                .map { try $0.decode(column: "dicom_ae_title", as: String?.self) }
            #expect(Set(columns) == ["CT1", "MR1"])

            try await CreateSystemAccountAETitles().prepare(on: database)
            #expect(try await SystemAccountStore.account(fleet.id, on: storage.store)?.dicomAETitles == ["CT1"])
            #expect(try await SystemAccountStore.account(old.id, on: storage.store)?.dicomAETitles == ["MR1"])
            #expect(try await SystemAccountStore.active(aeTitle: "CT1", environment: .verification, on: storage.store)?.id == fleet.id)
            #expect(try await SystemAccountStore.active(aeTitle: "MR1", environment: .verification, on: storage.store) == nil,
                    "the revoked account's title stays free")
        }
    }

    @Test("a title is held by one account that is not revoked: the index refuses a second even past the store's check")
    func oneHolder() async throws {
        try await withTestStorage { storage in
            let database = storage.store.database
            let caseID = try await CaseItemStorageTests.caseWithItemStates(database)
            let first = Self.account(on: caseID, titles: ["CT1"])
            let second = Self.account(on: caseID, titles: ["MR1"])
            try await database.write(clock: SystemClock()) { tx in
                try await SystemAccountStore.insert(first, in: tx)
                try await SystemAccountStore.insert(second, in: tx)
            }
            let row = SystemAccountAETitleModel()
            row.id = UUID()
            row.accountID = second.id
            row.environment = "verification"
            row.aeTitle = "CT1"
            row.position = 1
            await #expect(throws: (any Error).self) { try await row.create(on: database) }
        }
    }
}
