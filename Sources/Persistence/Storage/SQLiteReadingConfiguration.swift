import FluentKit

/// FluentSQLiteDriver's configuration with a `SQLiteReadPool` and the verification traffic's `SQLiteTrafficWriter`
/// on the same file beside it. Every `Database` of the registration carries its configuration in its context,
/// which is how `Database.rows` finds the pool and `TestSessionStore.appendIfCurrent` the writer; both close when
/// the driver shuts down.
struct SQLiteReadingConfiguration: DatabaseConfiguration {
    var base: any DatabaseConfiguration
    let reads: SQLiteReadPool
    let traffic: SQLiteTrafficWriter

    var middleware: [any AnyModelMiddleware] {
        get { base.middleware }
        set { base.middleware = newValue }
    }

    func makeDriver(for databases: Databases) -> any DatabaseDriver {
        Driver(base: base.makeDriver(for: databases), reads: reads, traffic: traffic)
    }

    private struct Driver: DatabaseDriver {
        let base: any DatabaseDriver
        let reads: SQLiteReadPool
        let traffic: SQLiteTrafficWriter

        func makeDatabase(with context: DatabaseContext) -> any Database {
            base.makeDatabase(with: context)
        }

        func shutdown() {
            reads.close()
            traffic.closeSynchronously()
            base.shutdown()
        }

        func shutdownAsync() async {
            reads.close()
            await traffic.close()
            await base.shutdownAsync()
        }
    }
}

extension Database {
    /// The read pool of this SQLite database; nil inside a transaction, whose reads must see its own writes,
    /// and on PostgreSQL.
    var sqliteReads: SQLiteReadPool? {
        guard !inTransaction, !SQLiteReadPool.isWriting else { return nil }
        return (context.configuration as? SQLiteReadingConfiguration)?.reads
    }
}

extension Database {
    /// The verification traffic's writer of this SQLite database; nil on PostgreSQL.
    var sqliteTraffic: SQLiteTrafficWriter? {
        (context.configuration as? SQLiteReadingConfiguration)?.traffic
    }
}
