import Domain
import FluentKit
import Foundation
import Logging
import NIOPosix
@testable import Persistence
import SQLKit
import StorageTestSupport
import Testing

/// Migration 008 rebuilds `case_items` on SQLite, keyed by case and item without a rowid. These check that it
/// keeps every item state both ways and that the models and the case reads work on the rebuilt table.
@Suite("Case item storage")
struct CaseItemStorageTests {
    @Test("item states survive the rebuild both ways; SQLite keys them by case and item")
    func rebuildKeepsItemStates() async throws {
        try await withTestStorage { storage in
            let caseID = try await Self.caseWithItemStates(storage.store.database)
            let before = try await Self.itemRows(storage.store.database)
            #expect(before.count == 3)

            try await ClusterCaseItems().revert(on: storage.store.database)
            #expect(try await Self.itemRows(storage.store.database) == before)
            #expect(try await Self.isClustered(storage.store.database) == false)

            try await ClusterCaseItems().prepare(on: storage.store.database)
            #expect(try await Self.itemRows(storage.store.database) == before)
            #expect(try await Self.isClustered(storage.store.database) == (storage.store.engine == .sqlite))

            // The model still updates a row by its id, and the case reads it back.
            let row = try #require(try await CaseItemModel.query(on: storage.store.database).filter(\.$itemID == "a").first())
            row.status = ItemStatus.done.rawValue
            try await row.save(on: storage.store.database)
            let record = try await CaseStore.load(caseID, on: storage.store)
            #expect(record.state.itemState(ItemID(rawValue: "a")).status == .done)
            #expect(record.state.itemState(ItemID(rawValue: "c")).reason == "Ingen DICOM-modalitet")
        }
    }

    @Test("a second state for the same item of a case is refused on both engines")
    func oneStatePerItem() async throws {
        try await withTestStorage { storage in
            let caseID = try await Self.caseWithItemStates(storage.store.database)
            await #expect(throws: (any Error).self) {
                try await Self.itemState(caseID, "a", status: .open).create(on: storage.store.database)
            }
        }
    }

    @Test("a case read while another instance writes pairs the case's row with its items of the same moment")
    func oneState() async throws {
        try await withTestStorage { storage in
            let caseID = try await Self.caseWithItemStates(storage.store.database)
            // Another instance's writes: its own connections, so they never wait for the reads.
            let other = try await OpenStorage.open(
                storage.choice, migrate: false, eventLoopGroup: MultiThreadedEventLoopGroup.singleton,
                threadPool: .singleton, logger: Logger(label: "anslut.tests.other"))
            try await storage.sql.raw("UPDATE case_items SET reason = 'v0' WHERE case_id = \(bind: caseID) AND item_id = 'b'").run()
            try await storage.sql.raw("UPDATE cases SET version = 0 WHERE id = \(bind: caseID)").run()
            // Each write changes the case's version and an item's reason together; a read that took them from
            // two moments would see a reason that is not its version's.
            let writer = Task {
                for version in 1...150 {
                    try await other.store.write(clock: SystemClock()) { tx in
                        try await tx.database.sql.raw("""
                            UPDATE case_items SET reason = \(bind: "v\(version)")
                            WHERE case_id = \(bind: caseID) AND item_id = 'b'
                            """).run()
                        try await tx.database.sql.raw(
                            "UPDATE cases SET version = \(bind: version) WHERE id = \(bind: caseID)").run()
                    }
                }
            }
            var versionsSeen = Set<Int>()
            while true {
                let record = try await CaseStore.load(caseID, on: storage.store)
                let version = record.state.version
                versionsSeen.insert(version)
                #expect(record.state.itemState(ItemID(rawValue: "b")).reason == "v\(version)")
                if version == 150 { break }
            }
            try await writer.value
            await other.close()
            #expect(versionsSeen.count > 1, "the reads ran while the writes did")
        }
    }

    /// A case with three item states: untouched fields, a done one with evidence, one not applicable.
    static func caseWithItemStates(_ db: any Database) async throws -> UUID {
        let registration = try UserRegistration.validate(
            email: "anna@vardgivare.example", name: nil, role: "applicant", platform: nil,
            organisationsnummer: "5565594230", knownPlatforms: ["BFR"]
        ).get()
        let applicant = try await db.write(clock: SystemClock()) { tx in
            let organisation = try await AccountStore.insertOrganisation(
                registration.organisationsnummer!, name: "Vårdgivaren AB", in: tx)
            return try await AccountStore.insertUser(registration, passwordHash: "-", organisationID: organisation, in: tx)
        }
        let organisation = try #require(try await AccountStore.principal(userID: applicant, on: Store(db))?.organisationID)
        return try await db.write(clock: SystemClock()) { tx in
            let definition = try #require(try await DefinitionStore.current(on: tx.store)["BFR"])
            let record = try await CaseStore.insert(
                definition: definition, organisation: organisation, fields: [:], createdBy: applicant, in: tx)
            try await itemState(record.id, "a", status: .open).create(on: tx.database)
            let done = itemState(record.id, "b", status: .done)
            done.changedBy = applicant.uuidString
            done.changedAt = Date(timeIntervalSince1970: 1_790_000_000.5)
            done.evidence = #"[{"kind":"comment","reference":"Testat mot verifieringsmiljön"}]"#
            try await done.create(on: tx.database)
            let skipped = itemState(record.id, "c", status: .notApplicable)
            skipped.reason = "Ingen DICOM-modalitet"
            try await skipped.create(on: tx.database)
            return record.id
        }
    }

    private static func itemState(_ caseID: UUID, _ item: String, status: ItemStatus) -> CaseItemModel {
        let row = CaseItemModel()
        row.$case.id = caseID
        row.itemID = item
        row.status = status.rawValue
        row.evidence = "[]"
        return row
    }

    /// Every column of every item state, as text, in key order.
    private static func itemRows(_ db: any Database) async throws -> [[String?]] {
        try await CaseItemModel.query(on: db).sort(\.$itemID).all().map {
            [$0.id?.uuidString, $0.$case.id.uuidString, $0.itemID, $0.status, $0.changedBy,
             $0.changedAt.map { String($0.timeIntervalSince1970) }, $0.reason, $0.evidence]
        }
    }

    private static func isClustered(_ db: any Database) async throws -> Bool {
        guard db.engine == .sqlite else { return false }
        let definition = try await db.firstRow(
            "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'case_items'" as SQLQueryString
        ) { try $0.string("sql") }
        return try #require(definition).contains("WITHOUT ROWID")
    }
}
