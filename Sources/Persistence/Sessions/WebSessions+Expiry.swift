import Domain
import FluentKit
import Foundation

extension WebSessions {
    /// Removes the sessions that have run out at `now`: idle too long, or signed in too long ago.
    public static func removeExpired(at now: Date, on store: Store) async throws {
        let database = store.database
        try await database.write(clock: FixedClock(now)) { tx in try await removeExpired(at: now, in: tx.database) }
    }

    static func removeExpired(at now: Date, in database: any Database) async throws {
        try await WebSessionModel.query(on: database)
            .group(.or) { expired in
                expired.filter(\.$lastSeenAt < now.addingTimeInterval(-idleLifetime))
                expired.filter(\.$createdAt < now.addingTimeInterval(-absoluteLifetime))
            }
            .delete()
    }
}
