import FluentKit

/// FluentSQLiteDriver's configuration with a `SQLiteReadPool` on the same file beside it. Every `Database` of
/// the registration carries its configuration in its context, which is how `Database.rows` finds the pool; the
/// pool closes when the driver shuts down.
struct SQLiteReadingConfiguration: DatabaseConfiguration {
    var base: any DatabaseConfiguration
    let reads: SQLiteReadPool

    var middleware: [any AnyModelMiddleware] {
        get { base.middleware }
        set { base.middleware = newValue }
    }

    func makeDriver(for databases: Databases) -> any DatabaseDriver {
        Driver(base: base.makeDriver(for: databases), reads: reads)
    }

    private struct Driver: DatabaseDriver {
        let base: any DatabaseDriver
        let reads: SQLiteReadPool

        func makeDatabase(with context: DatabaseContext) -> any Database {
            base.makeDatabase(with: context)
        }

        func shutdown() {
            reads.close()
            base.shutdown()
        }

        func shutdownAsync() async {
            reads.close()
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
