import Domain
import FluentKit
import SQLKit

/// The database as the layers above Persistence hold it: an opaque handle, so that neither the workflow nor
/// the web layer names a Fluent type. Every read and write of Persistence takes one; Fluent's `Database` stays
/// inside this target.
public struct Store: Sendable {
    let database: any Database

    /// Wraps the driver's database; made only by `OpenStorage` and a transaction.
    init(_ database: any Database) {
        self.database = database
    }

    /// The engine behind the store.
    public var engine: DatabaseEngine { database.engine }

    /// Runs `work` in one write transaction that writers take turns at (see `Database.write`).
    @discardableResult
    public func write<T: Sendable>(
        clock: any WallClock, durability: CommitDurability = .powerLoss,
        _ work: @escaping @Sendable (WriteTransaction) async throws -> T
    ) async throws -> T {
        try await database.write(clock: clock, durability: durability, work)
    }
}

extension WriteTransaction {
    /// The transaction as a store, for reads that must see its own writes.
    public var store: Store { Store(database) }
}

extension Store {
    /// The database as SQLKit sees it, for tests that change rows behind the product's back on purpose (the
    /// audit chain's break tests) and for test set-up. Only `@_spi(Tests) import Persistence` sees it.
    @_spi(Tests) public var sql: any SQLDatabase { database.sql }
}
